using Powers.Model;
using Powers.Planning;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Planning;

/// <summary>
/// A plan key is everything that makes a plan (PlanKey's summary): two keys that differ in any one of its parts are
/// different plans. A plan cache compares keys only when their hashes collide, so the comparison is tested here
/// directly: a key equal where it should differ would give one designation another's plan.
/// </summary>
public class PlanKeyTests
{
    private static readonly RuleLibrary Library = TestLibrary.Compile(
        ("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2014-12-31\" }", TestLibrary.Power("road-check", "roadCheckAuthorised"))),
        ("test/b.json", TestLibrary.RuleSet("b", "{ \"from\": \"2015-01-01\" }", TestLibrary.Power("road-check", "roadCheckAuthorised"), extra: TwoTransitionalRules)),
        ("designations/kent.json", "{ \"designation\": \"kent-road\", \"title\": \"Kent\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"road-check\"] }"),
        ("designations/kent-again.json", "{ \"designation\": \"kent-road-again\", \"title\": \"Kent again\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"road-check\"] }"),
        ("designations/essex.json", "{ \"designation\": \"essex-road\", \"title\": \"Essex\", \"force\": \"essex\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"road-check\"] }")).ThrowIfFailed();

    // Version b's two transitional rules: designations made before 2013 keep version a's road check (rule 0), and so
    // do those made before 2015 (rule 1).
    private const string TwoTransitionalRules =
        "  \"preserve\": [ { \"id\": \"before-2013\", \"madeBefore\": \"2013-01-01\", \"version\": \"a\", \"powers\": [\"road-check\"], \"cite\": \"Test Regulations, reg. 1\" },\n" +
        "    { \"id\": \"before-2015\", \"madeBefore\": \"2015-01-01\", \"version\": \"a\", \"powers\": [\"road-check\"], \"cite\": \"Test Regulations, reg. 2\" } ],\n";

    private static readonly RuleSetVersion A = Library.VersionInForce("test", new DateOnly(2012, 1, 1))!;

    private static readonly RuleSetVersion B = Library.VersionInForce("test", new DateOnly(2016, 1, 1))!;

    private static Designation Stored(string id) => Library.TryGetDesignation(id, out var d) ? d : throw new InvalidOperationException();

    private static readonly PlanKey Key = new(A, Stored("kent-road"), "kent", 1, true, 5, 1);

    public static TheoryData<string> Parts => ["version", "stored", "force", "granted", "active", "day", "preserved"];

    [Theory]
    [MemberData(nameof(Parts))]
    public void Equals_KeysDifferingInOnePart_NotEqual(string part)
    {
        var other = part switch
        {
            "version" => Key with { Version = B },
            "stored" => Key with { Stored = Stored("essex-road") },
            "force" => Key with { Force = "essex" },
            "granted" => Key with { Granted = 3 },
            "active" => Key with { Active = false },
            "day" => Key with { Day = 6 },
            _ => Key with { Preserved = 3 },
        };

        Assert.False(Key.Equals(other));
        Assert.False(other.Equals(Key));
    }

    [Fact]
    public void Equals_KeysAlikeInEveryPart_EqualWithOneHash()
    {
        var same = new PlanKey(A, Stored("kent-road"), new string(['k', 'e', 'n', 't']), 1, true, 5, 1);

        Assert.True(Key.Equals(same));
        Assert.Equal(Key.GetHashCode(), same.GetHashCode());
    }

    [Fact]
    public void For_TwoStoredDesignationsOfOneForceGrantingTheSamePowers_DifferentKeys()
    {
        // A stored designation is keyed by itself: a decision names its designation (and carries its confidence), so
        // two stored designations alike in force and powers must not share a plan.
        var day = new DateOnly(2012, 1, 1);

        var first = PlanKey.For(Library, A, Stored("kent-road"), day);
        var second = PlanKey.For(Library, A, Stored("kent-road-again"), day);

        Assert.False(first.Equals(second));
        Assert.True(first.Equals(PlanKey.For(Library, A, Stored("kent-road"), new DateOnly(2013, 1, 1))));
    }

    [Fact]
    public void For_DesignationsUnderDifferentTransitionalRules_DifferentKeys()
    {
        // Made in 2014: before rule 1's day only. Made in 2016: before neither. Made in 2012: before both. Each falls
        // under different transitional rules of version b, so each needs its own plan; two made in 2016 share one.
        var day = new DateOnly(2016, 6, 1);
        PlanKey KeyMadeOn(int year) => PlanKey.For(Library, B, Designation.AdHoc("kent", new HashSet<string> { "road-check" }, new DateOnly(year, 6, 1)), day);

        Assert.False(KeyMadeOn(2014).Equals(KeyMadeOn(2016)));
        Assert.False(KeyMadeOn(2012).Equals(KeyMadeOn(2014)));
        Assert.False(KeyMadeOn(2012).Equals(KeyMadeOn(2016)));
        Assert.True(KeyMadeOn(2016).Equals(PlanKey.For(Library, B, Designation.AdHoc("kent", new HashSet<string> { "road-check" }, new DateOnly(2016, 1, 2)), day)));
    }
}
