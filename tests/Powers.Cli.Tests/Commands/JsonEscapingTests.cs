using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Powers.Hosting;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// Every JSON document the tool prints keeps the bytes it printed before the writers moved from Newtonsoft.Json to
/// <see cref="System.Text.Json.Utf8JsonWriter"/> (issue 23 item 5): the characters the two escape differently
/// (<c>' &lt; &gt; &amp; +</c>, control characters and their hex case, U+0085 and U+2028, letters outside ASCII, a lone
/// surrogate) fed through each writer. The expected text is what the Newtonsoft writers printed, copied here.
/// </summary>
public sealed class JsonEscapingTests : IDisposable
{
    private const string InsideArea = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"roadCheckAuthorised":true,"inPoliceArea":true}}""";

    // A recorded power name holding the characters the encoders differ on (JSON source text); not a lone surrogate,
    // which the record reader refuses.
    private const string HardName = "road-check'<>&+\\u0001\\u001f\\u00e9\\u2028\\ud83d\\ude00";

    private readonly string _directory = Directory.CreateTempSubdirectory("powers-escaping").FullName;

    private const string Original = "\"Give a penalty notice for disorder (CJPA 2001 Part 1 Chapter 1)\"";

    // The title as the rule files hold it (JSON source text).
    private const string HardTitle = "\"Disorder '<>&+\\t\\u001f\\u007f\\u0085\\u2028\u00e9\ud83d\ude00 \\\"q\\\" \\\\\"";

    // The same title as the documents print it.
    private const string HardTitleWritten = "\"Disorder '<>&+\\t\\u001f\u007f\\u0085\\u2028\u00e9\ud83d\ude00 \\\"q\\\" \\\\\"";

    [Fact]
    public void Query_JsonDocument_TodaysBytes()
    {
        using var library = HardLibrary();

        var run = CliRun.Of("query", "--rules", library.Root, "--date", "2013-03-01", "--designation", "met-2002-security", "--format", "json", "--power", "issue-penalty-notice-disorder");

        Assert.Equal(0, run.ExitCode);
        AssertBytes("\n      \"title\": " + HardTitleWritten + ",\n      \"outcome\": \"not-designated\",\n", run.Out);
    }

    [Fact]
    public void Query_NdjsonLinesAtEachLevel_TodaysBytes()
    {
        using var library = HardLibrary();
        string query = """{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n";

        var full = CliRun.WithInput(query + query, "query", "--rules", library.Root, "--input", "-", "--format", "json");
        var only = CliRun.WithInput(query + query, "query", "--rules", library.Root, "--input", "-", "--format", "json", "--power", "issue-penalty-notice-disorder");

        Assert.Equal(0, full.ExitCode);
        Assert.Equal(0, only.ExitCode);
        AssertBytes("{\"power\":\"issue-penalty-notice-disorder\",\"title\":" + HardTitleWritten + ",\"outcome\":\"not-designated\",", full.Out);
        AssertBytes("\"decisions\":[{\"power\":\"issue-penalty-notice-disorder\",\"title\":" + HardTitleWritten + ",\"outcome\":\"not-designated\",", only.Out);
    }

    [Fact]
    public void Query_NdjsonErrorLine_TodaysBytes()
    {
        var run = CliRun.WithInput("""{"date":"2020-01-01","designation":"x'<>&+\u0001\u001f\u0085\u2028é\ud800"}""" + "\n" + """{"date":"2013-03-01","designation":"met-2002-security"}""" + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        AssertBytes(
            "{\"line\":1,\"errors\":[{\"code\":\"PQ0105\",\"field\":\"designation\",\"message\":\"unknown designation 'x'<>&+\\u0001\\u001f\\u0085\\u2028\u00e9\ufffd'\"}]}\n",
            run.Out);
    }

    [Fact]
    public void Diff_JsonDocument_TodaysBytes()
    {
        var run = CliRun.Of("diff", "--from", "2004-12-22", "--to", "2004-12-23", "--force", "kent", "--format", "json", "--time-limit", CliRun.NoTimeLimit);

        Assert.Equal(0, run.ExitCode);
        AssertBytes(
            "{\n  \"from\": \"pra2002-sch4@2004-11-01\",\n  \"to\": \"pra2002-sch4@2004-12-23\",\n  \"changes\": [\n    {\n      \"power\": \"detain-pending-constable\",\n"
            + "      \"from\": \"not-in-force\",\n      \"to\": \"denied\",\n"
            + "      \"when\": \"not inUniform or not inPoliceArea or suspectedConduct in ['none', 'other-offence', 'relevant-byelaw-offence', 'relevant-licensing-offence'] or nameAndAddress in ['not-asked', 'given'] or minutesDetained >= 30\",\n"
            + "      \"example\": {\"inUniform\": false}\n    },\n",
            run.Out);
    }

    [Fact]
    public void Replay_JsonChangesOfARecordedPowerName_TodaysBytes()
    {
        string path = RecordWithHardPower();

        var run = CliRun.Of("replay", path, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        AssertBytes("      \"power\": \"road-check'<>&+\\u0001\\u001f\\u00e9\\u2028\\ud83d\\ude00\",\n      \"was\": \"denied\",\n      \"now\": null\n", run.Out);
    }

    [Fact]
    public void Replay_VerifyJsonOfRecordsInADirectoryWithLettersOutsideAscii_TodaysBytes()
    {
        string path = RecordWithHardPower();

        var run = CliRun.Of("replay", path, "--verify", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        AssertBytes("{\n  \"status\": \"intact\",\n  \"intact\": true,\n  \"records\": 1,\n", run.Out);
        AssertBytes("      \"where\": \"" + _directory + "/d\\u00e9cisions'<>&+\\u2028/decisions.ndjson(1)\",\n", run.Out);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Records one decision in a directory whose name holds ' < > & + and letters outside ASCII, then adds a power
    // outcome to it under HardName (so the chain no longer matches: replay reports it changed).
    private string RecordWithHardPower()
    {
        string directory = Directory.CreateDirectory(Path.Combine(_directory, "d\u00e9cisions'<>&+\u2028")).FullName;
        string path = Path.Combine(directory, "decisions.ndjson");
        var services = new ServiceCollection();
        services.AddPowers(o => { o.RecordDecisions = true; o.DecisionRecordsPath = path; });
        using (var provider = services.BuildServiceProvider())
        {
            Assert.True(provider.GetRequiredService<IPowersService>().Decide(InsideArea).Succeeded);
        }

        string record = File.ReadAllText(path);
        int outcomes = record.IndexOf("\"outcomes\":{", StringComparison.Ordinal) + "\"outcomes\":{".Length;
        File.WriteAllText(path, record[..outcomes] + "\"" + HardName + "\":\"denied\"," + record[outcomes..]);
        return path;
    }

    private static TempLibrary HardLibrary()
    {
        var library = new TempLibrary();
        foreach (string file in Directory.GetFiles(library.PathOf("pra2002"), "*.json"))
        {
            string text = File.ReadAllText(file);
            if (text.Contains(Original, StringComparison.Ordinal))
            {
                File.WriteAllText(file, text.Replace(Original, HardTitle, StringComparison.Ordinal));
            }
        }

        return library;
    }

    // Compared as the UTF-8 the process prints: a lone surrogate in the captured text is U+FFFD there.
    private static void AssertBytes(string expected, string output)
    {
        byte[] want = Encoding.UTF8.GetBytes(expected);
        byte[] got = Encoding.UTF8.GetBytes(output);
        Assert.True(got.AsSpan().IndexOf(want) >= 0, "expected the bytes of:\n" + expected + "\nin:\n" + output);
    }
}
