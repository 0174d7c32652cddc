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
        ("test/b.json", TestLibrary.RuleSet("b", "{ \"from\": \"2015-01-01\" }", TestLibrary.Power("road-check", "roadCheckAuthorised"))),
        ("designations/kent.json", "{ \"designation\": \"kent-road\", \"title\": \"Kent\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"road-check\"] }"),
        ("designations/essex.json", "{ \"designation\": \"essex-road\", \"title\": \"Essex\", \"force\": \"essex\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"road-check\"] }")).ThrowIfFailed();

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
}
