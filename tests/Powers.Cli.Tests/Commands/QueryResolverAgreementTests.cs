using System.Text;
using Newtonsoft.Json.Linq;
using Powers.Cli.Commands;
using Powers.Evaluation;
using Powers.Queries;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// One resolver, three readers: the same bad input gives the same code and message from a query document, the fast path
/// (text and UTF-8, which must decline and leave the message to the document reader), NDJSON, and command-line flags.
/// Each message is pinned as the contract words it.
/// </summary>
public class QueryResolverAgreementTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    private const string Met = "\"date\": \"2013-03-01\", \"designation\": \"met-2002-security\"";

    private static readonly string[] MetFlags = ["--date", "2013-03-01", "--designation", "met-2002-security"];

    public static TheoryData<string, string[], string, string> BadInputs => new()
    {
        // unknown fact with a near name
        { "{" + Met + ", \"facts\": { \"constablePresent\": true } }", [.. MetFlags, "--fact", "constablePresent=true"], "PQ0108", "unknown fact 'constablePresent'; did you mean 'constableInCompany'?" },
        // unknown designation
        { """{ "date": "2013-03-01", "designation": "met-2002-securty" }""", ["--date", "2013-03-01", "--designation", "met-2002-securty"], "PQ0105", "unknown designation 'met-2002-securty'; did you mean 'met-2002-security'?" },
        // bad enum value
        { "{" + Met + ", \"facts\": { \"searchOf\": \"vehicles\" } }", [.. MetFlags, "--fact", "searchOf=vehicles"], "PQ0109", "'vehicles' is not one of 'vehicle', 'item-carried', 'person'; did you mean 'vehicle'?" },
        // wrong type: a string for a bool, a number for a bool, a string for an int, a boolean for an enum
        { "{" + Met + ", \"facts\": { \"inUniform\": \"yes\" } }", [.. MetFlags, "--fact", "inUniform=yes"], "PQ0002", "expected true or false (or null for unknown), not the string 'yes'" },
        { "{" + Met + ", \"facts\": { \"inUniform\": 1 } }", [.. MetFlags, "--fact", "inUniform=1"], "PQ0002", "expected true or false (or null for unknown), not 1" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": \"ten\" } }", [.. MetFlags, "--fact", "minutesDetained=ten"], "PQ0002", "expected a whole number (or null for unknown), not the string 'ten'" },
        { "{" + Met + ", \"facts\": { \"terrorismAuthorisation\": true } }", [.. MetFlags, "--fact", "terrorismAuthorisation=true"], "PQ0002", "expected one of 'none', 's44', 's47a' (or null for unknown), not true" },
        // negative, fraction, past 32 bits
        { "{" + Met + ", \"facts\": { \"minutesDetained\": -1 } }", [.. MetFlags, "--fact", "minutesDetained=-1"], "PQ0111", "must be 0 or more, not -1" },
        { "{" + Met + ", \"facts\": { \"minutesDetained\": 1.5 } }", [.. MetFlags, "--fact", "minutesDetained=1.5"], "PQ0110", "expected a whole number, not 1.5" },
        { "{" + Met + ", \"facts\": { \"authorisationAgeHours\": 1e2 } }", [.. MetFlags, "--fact", "authorisationAgeHours=1e2"], "PQ0110", "expected a whole number, not 1e2" },
        { "{" + Met + ", \"facts\": { \"cordonAgeDays\": 99999999999 } }", [.. MetFlags, "--fact", "cordonAgeDays=99999999999"], "PQ0111", "must be 2147483647 or less, not 99999999999" },
        // a key given twice
        { "{" + Met + ", \"facts\": { \"inUniform\": true, \"inUniform\": false } }", [.. MetFlags, "--fact", "inUniform=true", "--fact", "inUniform=false"], "PQ0004", "is given more than once; give it once" },
        // a date out of the range of a dated rule set (TA 2000 s.44 law asked about 2019)
        { """{ "date": "2019-01-01", "ruleset": "pra2002-sch4@2012-07-10", "designation": "met-2002-security" }""", ["--date", "2019-01-01", "--ruleset", "pra2002-sch4@2012-07-10", "--designation", "met-2002-security"], "PQ0104", "'date' 2019-01-01 is outside the effective range of 'ruleset' pra2002-sch4@2012-07-10 (2012-07-10 to 2013-04-07); omit one of the two (on that date pra2002-sch4@2017-12-15 is in force)" },
        // unknown rule set and version
        { """{ "date": "2013-03-01", "ruleset": "pra2002-sch5", "designation": "met-2002-security" }""", ["--date", "2013-03-01", "--ruleset", "pra2002-sch5", "--designation", "met-2002-security"], "PQ0102", "unknown rule set 'pra2002-sch5'; did you mean 'pra2002-sch4'?" },
        { """{ "ruleset": "pra2002-sch4@2099", "designation": "met-2002-security" }""", ["--ruleset", "pra2002-sch4@2099", "--designation", "met-2002-security"], "PQ0103", "rule set 'pra2002-sch4' has no version '2099'" },
        // a date that is no day
        { """{ "date": "2013-02-30", "designation": "met-2002-security" }""", ["--date", "2013-02-30", "--designation", "met-2002-security"], "PQ0101", "'2013-02-30' is not a date; use YYYY-MM-DD, e.g. 2013-03-01" },
        // no date and no version
        { """{ "designation": "met-2002-security" }""", ["--designation", "met-2002-security"], "PQ0005", "a date (YYYY-MM-DD) is required unless 'ruleset' names a version (ID@VERSION)" },
        // ad-hoc: unknown force, unknown power, a made date that is no day
        { """{ "date": "2013-03-01", "designation": { "force": "kents", "powers": ["cordon"] } }""", ["--date", "2013-03-01", "--force", "kents", "--grant", "cordon"], "PQ0106", "unknown force 'kents'; did you mean 'kent'?" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": ["cordn"] } }""", ["--date", "2013-03-01", "--force", "kent", "--grant", "cordn"], "PQ0107", "unknown power 'cordn'; did you mean 'cordon'?" },
        { """{ "date": "2013-03-01", "designation": { "force": "kent", "powers": [], "made": "2013-13-01" } }""", ["--date", "2013-03-01", "--force", "kent", "--grant", "", "--made", "2013-13-01"], "PQ0101", "'2013-13-01' is not a date; use YYYY-MM-DD, e.g. 2013-03-01" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Read_BadInput_SameCodeAndMessageFromEveryReader(string json, string[] flags, string code, string message)
    {
        Assert.Equal((code, message), Pair(Assert.Single(QueryReader.Read(Engine.Library, json).Errors)));
        Assert.Equal((code, message), Pair(Assert.Single(Engine.Read(json.AsSpan()).Errors)));
        Assert.Equal((code, message), Pair(Assert.Single(Engine.Read(Encoding.UTF8.GetBytes(json).AsSpan()).Errors)));
        Assert.False(new CompactQueryReader(Engine.Library).TryRead(json.AsSpan(), new Situation(Engine.Library.Schema), out _, out _, out _));

        var ndjson = CliRun.WithInput(json + "\n", "query", "--input", "-", "--ndjson", "--format", "outcomes");
        Assert.Equal(2, ndjson.ExitCode);
        var line = Assert.Single(JObject.Parse(ndjson.Out)["errors"]!);
        Assert.Equal((code, message), ((string?)line["code"], (string?)line["message"]));

        string? Flag(string name) => Array.IndexOf(flags, name) is int i and >= 0 ? flags[i + 1] : null;
        var facts = flags.Select((f, i) => (f, i)).Where(p => p.f == "--fact").Select(p => flags[p.i + 1]).ToArray();
        QueryCommand.FromFlags(Engine.Library, Flag("--date"), Flag("--designation"), Flag("--force"), Flag("--grant"), facts, Flag("--ruleset"), out var flagErrors, Flag("--made"));
        Assert.Equal((code, message), Pair(Assert.Single(flagErrors)));

        var cli = CliRun.Of(["query", .. flags]);
        Assert.Equal(2, cli.ExitCode);
        Assert.EndsWith(": " + message + Environment.NewLine, cli.Error, StringComparison.Ordinal);
    }

    private static (string?, string?) Pair(QueryError error) => (error.Code, error.Message);

    [Theory]
    [InlineData("{\n  \"date\": \"2013-03-01\",\n  \"designation\": \"met-2002-security\",\n  \"facts\": { \"searchOf\": \"pocket\" }\n}", "\"pocket\"", 4, 26)]
    [InlineData("{ \"date\": \"2013-03-01\", \"designation\": \"met-2002-security\",\n  \"facts\": { \"constablePresent\": true } }", "\"constablePresent\"", 2, 14)]
    [InlineData("{ \"date\": \"2013-03-01\", \"designation\": \"met-2002-security\",\n  \"facts\": { \"inUniform\": true,\n    \"inUniform\": false } }", "\"inUniform\"", 3, 5)]
    [InlineData("{ \"date\": \"2013-03-01\",\n  \"designation\": { \"force\": \"kent\", \"powers\": [\"road-check\", \"cordn\"] } }", "\"cordn\"", 2, 62)]
    [InlineData("{ \"date\": \"2019-01-01\", \"designation\": \"met-2002-security\",\n\"ruleset\": \"pra2002-sch4@2012-07-10\" }", "\"pra2002-sch4@2012-07-10\"", 2, 12)]
    [InlineData("{ \"date\": 20130301, \"designation\": \"met-2002-security\" }", "20130301", 1, 11)]
    public void Read_BadInput_ErrorPointsAtTheOffendingValue(string json, string text, int line, int column)
    {
        var error = Assert.Single(QueryReader.Read(Engine.Library, json).Errors);
        var span = Assert.NotNull(error.Span);
        Assert.Equal(text, json.Substring(span.Start, span.Length));
        Assert.Equal(new Powers.Text.LinePosition(line, column), error.Position);
    }

    [Fact]
    public void FromFlags_EveryFactAndValue_ReadsAsTheSameTextInADocument()
    {
        // Every fact with every kind of value text: a flag's value is typed as the same text in JSON would be, so the
        // document (text written as a JSON literal where it is one, else as a string) and the flag agree exactly.
        var library = Engine.Library;
        string[] texts = ["true", "false", "null", "0", "-1", "12", "1.5", "1e2", "007", "True", "", "x y", "s47a", "vehicle", "item-carried", "not-asked", "2147483648"];
        foreach (var fact in library.Schema.Facts)
        {
            foreach (string text in texts.Concat(fact.Values))
            {
                // RFC 8259: the three literals and the number grammar.
                bool literal = text is "true" or "false" or "null" || System.Text.RegularExpressions.Regex.IsMatch(text, "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?$");
                string value = literal ? text : Newtonsoft.Json.JsonConvert.ToString(text);
                string json = "{" + Met + ", \"facts\": { \"" + fact.Name + "\": " + value + " } }";
                var document = QueryReader.Read(library, json);
                var flags = QueryCommand.FromFlags(library, "2013-03-01", "met-2002-security", null, null, [fact.Name + "=" + text], null, out var flagErrors);
                Assert.Equal(document.Errors.Select(e => e.Code + " " + e), flagErrors.Select(e => e.Code + " " + e));
                Assert.Equal(document.Query is null, flags is null);
                if (flags is not null)
                {
                    Assert.Equal(document.Query!.Situation.IsKnown(fact.Index), flags.Situation.IsKnown(fact.Index));
                    Assert.Equal(document.Query.Situation.ValueAt(fact.Index), flags.Situation.ValueAt(fact.Index));
                }
            }
        }
    }
}
