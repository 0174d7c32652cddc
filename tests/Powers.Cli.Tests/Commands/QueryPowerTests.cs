using Newtonsoft.Json.Linq;
using Powers.Cli.Commands;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// <c>powers query --power ID</c> ("Show only this power") in every format for a program, single and NDJSON: the
/// document holds that power only, its entry as the whole document has it, the rest of the document unchanged.
/// </summary>
public class QueryPowerTests
{
    private const string Power = "stop-search-authorised-area";

    // Undetermined for this power (searchOf unknown), so the full document's entry has permittedIf.
    private const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"terrorismAuthorisation":"s47a","authorisationAgeHours":20}}""";

    /// <summary>Every format for a program, at every level <c>--detail</c> gives it.</summary>
    public static TheoryData<string, string?> FormatsAndLevels()
    {
        var data = new TheoryData<string, string?>();
        foreach (var format in QueryFormats.All.Where(f => !f.ForPeople))
        {
            if (format.Detail is null)
            {
                data.Add(format.Name, "full");
                data.Add(format.Name, "reasons");
            }
            else
            {
                data.Add(format.Name, null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndLevels))]
    public void Query_PowerInMachineFormat_DocumentHoldsThatPowerOnly(string format, string? detail)
    {
        var whole = Run(Query, format, detail, power: null);
        var only = Run(Query, format, detail, Power);

        Assert.Equal(0, only.ExitCode);
        AssertOnlyPower(JObject.Parse(whole.Out), JObject.Parse(only.Out));
    }

    [Theory]
    [MemberData(nameof(FormatsAndLevels))]
    public void Query_PowerInMachineFormatOnNdjson_EveryLineHoldsThatPowerOnly(string format, string? detail)
    {
        string input = Query + "\n" + Query.Replace("2013-03-01", "2008-06-01", StringComparison.Ordinal) + "\n";
        var whole = Run(input, format, detail, power: null, "--ndjson");
        var only = Run(input, format, detail, Power, "--ndjson");

        Assert.Equal(0, only.ExitCode);
        var wholeLines = whole.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var onlyLines = only.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, onlyLines.Length);
        for (int i = 0; i < onlyLines.Length; i++)
        {
            AssertOnlyPower(JObject.Parse(wholeLines[i]), JObject.Parse(onlyLines[i]));
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("outcomes")]
    public void Query_UnknownPowerInMachineFormat_ExitsTwoNamingIt(string format)
    {
        var run = CliRun.WithInput(Query, "query", "--input", "-", "--format", format, "--power", "stop-search-authorised");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Equal("powers: bad input: --power: unknown power 'stop-search-authorised'; did you mean 'stop-search-authorised-area'?" + Environment.NewLine, run.Problems);
    }

    private static CliRun Run(string input, string format, string? detail, string? power, params string[] more)
    {
        var args = new List<string> { "query", "--input", "-", "--format", format };
        if (detail is not null)
        {
            args.AddRange(["--detail", detail]);
        }

        if (power is not null)
        {
            args.AddRange(["--power", power]);
        }

        args.AddRange(more);
        return CliRun.WithInput(input, [.. args]);
    }

    // The filtered document is the whole one with every other power's entry left out.
    private static void AssertOnlyPower(JObject whole, JObject only)
    {
        if (whole["decisions"] is JArray decisions)
        {
            var entry = decisions.Single(d => (string?)d["power"] == Power);
            whole["decisions"] = new JArray(entry.DeepClone());
            Assert.True(JToken.DeepEquals(whole, only), "expected " + whole + Environment.NewLine + "got " + only);
            Assert.Single((JArray)only["decisions"]!);
        }
        else
        {
            Assert.Equal([Power], only.Properties().Select(p => p.Name));
            Assert.Equal((string?)whole[Power], (string?)only[Power]);
        }
    }
}
