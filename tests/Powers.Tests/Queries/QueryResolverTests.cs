using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>The resolver's own rules: what is a date, a whole number, a version; what the fast path may accept.</summary>
public class QueryResolverTests
{
    private static readonly QueryResolver Resolver = QueryResolver.For(ShippedLibrary.Instance);

    [Theory]
    [InlineData("2012-02-29", true)] // a leap day
    [InlineData("2013-02-29", false)]
    [InlineData("2013-3-01", false)]
    [InlineData("0000-01-01", false)] // there is no year 0
    [InlineData("9999-12-31", true)]
    [InlineData(" 2013-03-01", false)]
    [InlineData("2013/03/01", false)]
    [InlineData("2013-03-01T00:00", false)]
    public void TryParseDate_OnlyYyyyMmDdOfARealDay(string text, bool expected) =>
        Assert.Equal(expected, QueryResolver.TryParseDate(text, out _));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("2147483647", 2147483647)]
    [InlineData("-2147483648", -2147483648)]
    public void TryParseWholeNumber_WholeNumbersIn32Bits_Read(string text, int expected)
    {
        Assert.True(QueryResolver.TryParseWholeNumber(text, out int value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2147483648")]
    [InlineData("-2147483649")]
    [InlineData("007")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    [InlineData("+5")]
    [InlineData("-")]
    [InlineData("")]
    public void TryParseWholeNumber_AnythingElse_Refused(string text) =>
        Assert.False(QueryResolver.TryParseWholeNumber(text, out _));

    [Fact]
    public void For_SameLibrary_OneResolver() =>
        Assert.Same(Resolver, QueryResolver.For(ShippedLibrary.Instance));

    [Theory]
    [InlineData("2003-03-31")]
    [InlineData("2012-07-10")]
    [InlineData("2017-12-14")]
    [InlineData("2017-12-15")]
    [InlineData("2002-01-01")]
    public void VersionInForce_EveryDate_AsTheLibrarySays(string day)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Same(ShippedLibrary.Instance.VersionInForce("pra2002-sch4", date), Resolver.VersionInForce("pra2002-sch4", date));
    }

    [Fact]
    public void SetFact_Null_LeavesTheFactUnknown()
    {
        var situation = new Situation(ShippedLibrary.Instance.Schema);
        var errors = new List<QueryError>();
        Assert.True(Resolver.TryGetFact("inUniform", out var fact));
        QueryResolver.SetFact(fact, QueryValue.Typed("null"), "facts.inUniform", situation, errors);
        Assert.Empty(errors);
        Assert.False(situation.IsKnown(fact.Index));
    }

    [Theory]
    [InlineData("true", "Boolean")]
    [InlineData("null", "Null")]
    [InlineData("12", "Number")]
    [InlineData("-1.5e3", "Number")]
    [InlineData("007", "String")]
    [InlineData("True", "String")]
    [InlineData("s47a", "String")]
    [InlineData("", "String")]
    public void Typed_FlagText_TypedAsTheSameTextInJson(string text, string kind) =>
        Assert.Equal(kind, QueryValue.Typed(text).Kind.ToString());
}
