using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

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
    [InlineData("0001-01-01", true)] // the first day there is
    [InlineData("2013-01-31", true)]
    [InlineData("2013-12-01", true)]
    [InlineData("2013-00-10", false)]
    [InlineData("2013-13-01", false)]
    [InlineData("2013-04-00", false)]
    [InlineData("2013-04-31", false)]
    [InlineData("2013-04-3a", false)]
    [InlineData("2013:04-30", false)]
    [InlineData("2013-04:30", false)]
    public void TryParseDate_OnlyYyyyMmDdOfARealDay(string text, bool expected) =>
        Assert.Equal(expected, QueryResolver.TryParseDate(text, out _));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("-0", 0)]
    [InlineData("2147483647", 2147483647)]
    [InlineData("-2147483648", -2147483648)]
    [InlineData("90", 90)]
    [InlineData("-19", -19)]
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
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public void SetFact_ValueRefused_ErrorAndTheFactLeftUnknown(string text)
    {
        // SetFact stores a value or reports why it is not one of the fact's, never both.
        var situation = new Situation(ShippedLibrary.Instance.Schema);
        var errors = new List<QueryError>();
        Assert.True(Resolver.TryGetFact("minutesDetained", out var fact));
        QueryResolver.SetFact(fact, QueryValue.Typed(text), "facts.minutesDetained", situation, errors);
        Assert.Single(errors);
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
    [InlineData("-", "String")]
    [InlineData("-0", "Number")]
    [InlineData("0.5", "Number")]
    [InlineData("1.", "String")]
    [InlineData("1.x", "String")]
    [InlineData(".5", "String")]
    [InlineData("1e", "String")]
    [InlineData("1E+2", "Number")]
    [InlineData("1e-", "String")]
    [InlineData("1e5x", "String")]
    [InlineData("01", "String")]
    [InlineData("-01", "String")]
    [InlineData("10", "Number")]
    [InlineData("x1", "String")]
    public void Typed_FlagText_TypedAsTheSameTextInJson(string text, string kind) =>
        Assert.Equal(kind, QueryValue.Typed(text).Kind.ToString());

    private const string Met = "\"date\": \"2013-03-01\", \"designation\": \"met-2002-security\"";

    // Every message the resolver words (docs/contract.md, "Query errors": the code, the field, and the same words for the
    // same mistake from every reader; Powers.Cli.Tests' QueryResolverAgreementTests pins the readers' agreement, outside
    // this project's mutation filter). Read here through the document reader.
    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        { "{" + Met + ", \"facts\": { \"constablePresent\": true } }", "PQ0108", "facts.constablePresent", "unknown fact 'constablePresent'; did you mean 'constableInCompany'?" },
        { "{" + Met + ", \"facts\": { \"\": true } }", "PQ0108", "facts.", "unknown fact ''" },
        { """{ "date": "2013-03-01", "designation": "met-2002-securty" }""", "PQ0105", "designation", "unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?" },
        { """{ "date": "2013-03-01", "designation": 7 }""", "PQ0002", "designation", "expected a designation id or an object { \"force\": ..., \"powers\": [...] }, not 7" },
        { "{" + Met + ", \"facts\": { \"searchOf\": \"vehicles\" } }", "PQ0109", "facts.searchOf", "'vehicles' is not one of 'vehicle', 'item-carried', 'person'; did you mean 'vehicle'?" },
        { "{" + Met + ", \"facts\": { \"inUniform\": \"yes\" } }", "PQ0002", "facts.inUniform", "expected true or false (or null for unknown), not the string 'yes'" },
        { "{" + Met + ", \"facts\": { \"inUniform\": 1 } }", "PQ0002", "facts.inUniform", "expected true or false (or null for unknown), not 1" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": \"ten\" } }", "PQ0002", "facts.minutesDetained", "expected a whole number (or null for unknown), not the string 'ten'" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": {} } }", "PQ0002", "facts.minutesDetained", "expected a whole number (or null for unknown), not an object" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": false } }", "PQ0002", "facts.minutesDetained", "expected a whole number (or null for unknown), not false" },
        { "{" + Met + ", \"facts\": { \"searchOf\": [] } }", "PQ0002", "facts.searchOf", "expected one of 'vehicle', 'item-carried', 'person' (or null for unknown), not an array" },
        { """{ "date": null, "designation": "met-2002-security" }""", "PQ0002", "date", "expected a date string YYYY-MM-DD, not null" },
        { "{" + Met + ", \"facts\": { \"terrorismAuthorisation\": true } }", "PQ0002", "facts.terrorismAuthorisation", "expected one of 'none', 's44', 's47a' (or null for unknown), not true" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": -1 } }", "PQ0111", "facts.minutesDetained", "must be 0 or more, not -1" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": -99999999999 } }", "PQ0111", "facts.minutesDetained", "must be 0 or more, not -99999999999" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": 1.5 } }", "PQ0110", "facts.minutesDetained", "expected a whole number, not 1.5" },
        { "{" + Met + ", \"facts\": { \"authorisationAgeHours\": 1e2 } }", "PQ0110", "facts.authorisationAgeHours", "expected a whole number, not 1e2" },
        { "{" + Met + ", \"facts\": { \"authorisationAgeHours\": 1E2 } }", "PQ0110", "facts.authorisationAgeHours", "expected a whole number, not 1E2" },
        { "{" + Met + ", \"facts\": { \"cordonAgeDays\": 99999999999 } }", "PQ0111", "facts.cordonAgeDays", "must be 2147483647 or less, not 99999999999" },
        { "{" + Met + ", \"facts\": [] }", "PQ0002", "facts", "expected an object of fact names and values, not an array" },
        { "{" + Met + ", \"facts\": { \"inUniform\": true, \"inUniform\": false } }", "PQ0004", "facts.inUniform", "is given more than once; give it once" },
        { """{ "date": "2019-01-01", "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", "PQ0104", "ruleset", "'date' 2019-01-01 is outside the effective range of 'ruleset' pra2002-sch4@2012-07-10 (2012-07-10 to 2013-04-07); omit one of the two (on that date pra2002-sch4@2017-12-15 is in force)" },
        { """{ "date": "1999-01-01", "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", "PQ0104", "ruleset", "'date' 1999-01-01 is outside the effective range of 'ruleset' pra2002-sch4@2012-07-10 (2012-07-10 to 2013-04-07); omit one of the two (no version is in force on that date)" },
        { """{ "date": "2013-03-01", "ruleset": "pra2002-sch5", "designation": "met-2002-security" }""", "PQ0102", "ruleset", "unknown rule set 'pra2002-sch5'; did you mean 'pra2002-sch4'?" },
        { """{ "date": "2013-03-01", "ruleset": "pra2002-sch5@2012-07-10", "designation": "met-2002-security" }""", "PQ0102", "ruleset", "unknown rule set 'pra2002-sch5'; did you mean 'pra2002-sch4'?" },
        { """{ "date": "2013-03-01", "ruleset": "@2012-07-10", "designation": "met-2002-security" }""", "PQ0102", "ruleset", "unknown rule set ''" },
        { """{ "ruleset": "pra2002-sch4@", "designation": "met-2002-security" }""", "PQ0103", "ruleset", "rule set 'pra2002-sch4' has no version ''" },
        { """{ "date": "2013-03-01", "ruleset": 7, "designation": "met-2002-security" }""", "PQ0002", "ruleset", "expected a string such as 'pra2002-sch4@2012-07-10', not 7" },
        { """{ "ruleset": "pra2002-sch4@2099", "designation": "met-2002-security" }""", "PQ0103", "ruleset", "rule set 'pra2002-sch4' has no version '2099'" },
        { """{ "ruleset": "pra2002-sch4@2012-07-1", "designation": "met-2002-security" }""", "PQ0103", "ruleset", "rule set 'pra2002-sch4' has no version '2012-07-1'; did you mean '2012-07-10'?" },
        { """{ "date": "2013-02-30", "designation": "met-2002-security" }""", "PQ0101", "date", "'2013-02-30' is not a date; use YYYY-MM-DD, e.g. 2013-03-01" },
        { """{ "date": 20130301, "designation": "met-2002-security" }""", "PQ0002", "date", "expected a date string YYYY-MM-DD, not 20130301" },
        { """{ "designation": "met-2002-security" }""", "PQ0005", "date", "a date (YYYY-MM-DD) is required unless 'ruleset' names a version (ID@VERSION)" },
        { """{ "date": "2013-03-01", "designation": { "force": "kents", "powers": ["cordon"] } }""", "PQ0106", "designation.force", "unknown force 'kents'; did you mean 'kent'?" },
        { """{ "date": "2013-03-01", "designation": { "force": 7, "powers": ["cordon"] } }""", "PQ0002", "designation.force", "expected a force id, not 7" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": ["cordn"] } }""", "PQ0107", "designation.powers[0]", "unknown power 'cordn'; did you mean 'cordon'?" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": ["cordon", null] } }""", "PQ0002", "designation.powers[1]", "expected a power id, not null" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": "cordon" } }""", "PQ0002", "designation.powers", "expected an array of power ids, not the string 'cordon'" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent" } }""", "PQ0005", "designation.powers", "an ad-hoc designation needs a list of powers (it may be empty)" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": [], "made": "2013-13-01" } }""", "PQ0101", "designation.made", "'2013-13-01' is not a date; use YYYY-MM-DD, e.g. 2013-03-01" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": [], "mad": "2013-01-01" } }""", "PQ0003", "designation.mad", "unknown property; did you mean 'made'?" },
        { "{" + Met + ", \"power\": \"road-chek\" }", "PQ0107", "power", "unknown power 'road-chek'; did you mean 'road-check'?" },
        { "{" + Met + ", \"power\": true }", "PQ0002", "power", "expected a power id, not true" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Read_Mistake_OneErrorWithItsCodeFieldAndMessage(string json, string code, string field, string message)
    {
        var error = Assert.Single(QueryReader.Read(ShippedLibrary.Instance, json).Errors);
        Assert.Equal((code, field, message), (error.Code, error.Field, error.Message));
    }

    [Theory]
    [InlineData("""{ "date": "2019-01-01", "ruleset": "pra2002-sch4@bill-2002-04-25", "designation": "met-2002-security" }""", "pra2002-sch4@bill-2002-04-25")] // a Bill takes any date
    [InlineData("""{ "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", "pra2002-sch4@2012-07-10")]
    [InlineData("""{ "date": "2013-04-07", "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", "pra2002-sch4@2012-07-10")] // its last day
    [InlineData("""{ "date": "2013-03-01", "ruleset": "pra2002-sch4", "designation": "met-2002-security" }""", "pra2002-sch4@2012-07-10")] // the family: by date
    [InlineData("""{ "date": "2013-04-08", "designation": "met-2002-security" }""", "pra2002-sch4@2013-04-08")] // the default family
    public void Read_RulesetAndDate_TheVersionTheContractNames(string json, string version)
    {
        var result = QueryReader.Read(ShippedLibrary.Instance, json);
        Assert.Empty(result.Errors);
        Assert.Equal(version, result.Query!.Version!.Id);
    }

    [Fact]
    public void TryGetFact_EveryFactOfTheSchema_FoundByNameAndNothingElse()
    {
        // The facts sit in an open-addressed table: each must be found where it was put, past any collision.
        foreach (var fact in ShippedLibrary.Instance.Schema.Facts)
        {
            Assert.True(Resolver.TryGetFact(fact.Name, out var found), fact.Name);
            Assert.Same(fact, found);
            Assert.False(Resolver.TryGetFact(fact.Name + "x", out _), fact.Name + "x");
        }

        Assert.False(Resolver.TryGetFact(string.Empty, out _));
    }

    [Fact]
    public void TryGetEnumValue_EveryValueByItsIndexAndNothingElse()
    {
        foreach (var fact in ShippedLibrary.Instance.Schema.Facts.Where(f => f.Kind == Powers.Binding.FactKind.Enum))
        {
            for (int i = 0; i < fact.Values.Count; i++)
            {
                Assert.True(Resolver.TryGetEnumValue(fact, fact.Values[i], out int index));
                Assert.Equal(i, index);
            }

            Assert.False(Resolver.TryGetEnumValue(fact, fact.Values[^1] + "x", out _));
        }
    }

    [Fact]
    public void Read_RulesetNamingAFamily_ThatFamilysVersionNotTheDefaults()
    {
        // Two families: a query naming either by its id alone decides under that family's version in force on the date.
        string power = TestLibrary.Power("road-check", "inUniform");
        var library = TestLibrary.Compile(
            ("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", power)),
            ("other/b.json", TestLibrary.RuleSet("b", "{ \"from\": \"2010-01-01\" }", power).Replace("\"ruleset\": \"test\"", "\"ruleset\": \"other\"", StringComparison.Ordinal))).ThrowIfFailed();
        Assert.Equal(2, library.Families.Count);
        foreach (string family in library.Families)
        {
            string json = """{ "date": "2013-03-01", "ruleset": "FAMILY", "designation": { "force": "kent", "powers": ["road-check"] } }""".Replace("FAMILY", family, StringComparison.Ordinal);
            var result = QueryReader.Read(library, json);
            Assert.Empty(result.Errors);
            Assert.Equal(family, result.Query!.Version!.Family);
            Assert.True(new CompactQueryReader(library).TryRead(json.AsSpan(), new Situation(library.Schema), out _, out _, out var version));
            Assert.Same(result.Query.Version, version);
        }
    }

    [Fact]
    public void Resolving_NullArguments_ThrowNamingThem()
    {
        // Refused by name on every path, the one that reports nothing included.
        var fact = ShippedLibrary.Instance.Schema.Get("inUniform");
        var value = QueryValue.Name("2013-03-01");
        var situation = new Situation(ShippedLibrary.Instance.Schema);
        List<QueryError> none = null!;
        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => QueryResolver.For(null!)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryResolver.Date(value, "date", none)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.Ruleset(QueryValue.Name("pra2002-sch4"), "ruleset", none, out _, out _)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.Version(null, null, new DateOnly(2013, 3, 1), true, "date", "ruleset", null, none)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.StoredDesignation(QueryValue.Name("met-2002-security"), "designation", none)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.Force(QueryValue.Name("kent"), "designation.force", none)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.Power(QueryValue.Name("cordon"), "power", none)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => Resolver.Fact(null!, "facts.", null, [])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => Resolver.Fact("inUniform", "facts.inUniform", null, none)).ParamName);
        Assert.Equal("fact", Assert.Throws<ArgumentNullException>(() => QueryResolver.SetFact(null!, QueryValue.Typed("true"), "facts.inUniform", situation, [])).ParamName);
        Assert.Equal("situation", Assert.Throws<ArgumentNullException>(() => QueryResolver.SetFact(fact, QueryValue.Typed("true"), "facts.inUniform", null!, [])).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryResolver.SetFact(fact, QueryValue.Typed("true"), "facts.inUniform", situation, none)).ParamName);
        Assert.Equal("errors", Assert.Throws<ArgumentNullException>(() => QueryResolver.Add(none, QueryErrorDescriptors.Missing, "date", "is required", null)).ParamName);
        Assert.Equal("force", Assert.Throws<ArgumentNullException>(() => Resolver.AdHoc(null!, 0, null)).ParamName);
        Assert.False(situation.IsKnown(fact.Index));
    }
}
