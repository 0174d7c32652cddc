using System.Text;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// Every JSON document the tool prints keeps the bytes it printed before the writers moved from Newtonsoft.Json to
/// <see cref="System.Text.Json.Utf8JsonWriter"/> (issue 23 item 5): the characters the two escape differently
/// (<c>' &lt; &gt; &amp; +</c>, control characters and their hex case, U+0085 and U+2028, letters outside ASCII, a lone
/// surrogate) fed through each writer. The expected text is what the Newtonsoft writers printed, copied here.
/// </summary>
public sealed class JsonEscapingTests
{
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
