using Newtonsoft.Json.Linq;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// Standard input is one query document only when all of it is one JSON document (or it is a single line);
/// otherwise every line is a query and gets exactly one result line, in order, with blank and malformed lines an
/// error line in place.
/// </summary>
public sealed class QueryStdinTests
{
    private const string Query2013 = """{"date":"2013-03-01","designation":"met-2002-security"}""";
    private const string Query2003 = """{"date":"2003-03-01","designation":"met-2002-security"}""";
    private const string Query2010 = """{"date":"2010-06-01","designation":"met-2002-security"}""";

    [Fact]
    public void Query_StdinMalformedFirstLine_ErrorLineThenEveryAnswer()
    {
        var run = CliRun.WithInput("{\"date\":\"2013\n" + Query2003 + "\n" + Query2010 + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["line 1", "2003-03-01", "2010-06-01"], Results(run.Out));
    }

    [Fact]
    public void Query_StdinOpeningBraceAloneThenQueries_ErrorLineThenEveryAnswer()
    {
        var run = CliRun.WithInput("{\n" + Query2003 + "\n" + Query2010 + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["line 1", "2003-03-01", "2010-06-01"], Results(run.Out));
    }

    [Fact]
    public void Query_StdinBlankLineAmongTheFirstTwo_ErrorLineInPlace()
    {
        var run = CliRun.WithInput(Query2013 + "\n\n" + Query2003 + "\n" + Query2010 + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["2013-03-01", "line 2", "2003-03-01", "2010-06-01"], Results(run.Out));
        Assert.Equal("""{"line":2,"errors":[{"code":"PQ0006","field":"","message":"empty line"}]}""", run.Out.Split('\n')[1]);
    }

    [Fact]
    public void Query_StdinBlankFirstLine_ErrorLineInPlace()
    {
        var run = CliRun.WithInput("\n" + Query2013 + "\n" + Query2003 + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["line 1", "2013-03-01", "2003-03-01"], Results(run.Out));
    }

    [Fact]
    public void Query_StdinLoneCarriageReturnInFirstLine_OnlyLineFeedEndsALine()
    {
        // NDJSON lines end at \n (a \r before it is dropped); a lone \r is inside the line, which is then not one query.
        var run = CliRun.WithInput(Query2013 + "\r" + Query2003 + "\n" + Query2010 + "\r\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["line 1", "2010-06-01"], Results(run.Out));
    }

    [Fact]
    public void Query_StdinByteOrderMarkBeforeADocument_Decided()
    {
        var run = CliRun.WithInput("\uFEFF" + Query2013, "query", "--input", "-", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2013-03-01", (string?)JObject.Parse(run.Out)["date"]);
    }

    [Fact]
    public void Query_StdinByteOrderMarkBeforeNdjson_EveryLineDecided()
    {
        var run = CliRun.WithInput("\uFEFF" + Query2013 + "\n" + Query2003 + "\n", "query", "--input", "-", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["2013-03-01", "2003-03-01"], Results(run.Out));
    }

    [Fact]
    public void Query_StdinDocumentOverManyLines_OneDecision()
    {
        string document = "{\n  \"date\": \"2013-03-01\",\n\n  \"designation\": \"met-2002-security\"\n}\n\n";

        var run = CliRun.WithInput(document, "query", "--input", "-", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("2013-03-01", (string?)JObject.Parse(run.Out)["date"]);
    }

    [Fact]
    public void Query_StdinSingleMalformedLine_OneErrorOnStderr()
    {
        var run = CliRun.WithInput("{\"date\":", "query", "--input", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Body);
        Assert.StartsWith("powers: bad input: ", run.Problems, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_NdjsonFlagBlankAndMalformedLines_OneResultLineEach()
    {
        var run = CliRun.WithInput("\n" + Query2013 + "\nnot json\n\n" + Query2003, "query", "--input", "-", "--ndjson", "--format", "json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["line 1", "2013-03-01", "line 3", "line 4", "2003-03-01"], Results(run.Out));
    }

    [Fact]
    public void Query_NdjsonFileWithByteOrderMark_EveryLineDecided()
    {
        string path = Path.Combine(Path.GetTempPath(), "powers-bom-" + Guid.NewGuid().ToString("N") + ".ndjson");
        try
        {
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Query2013 + "\n" + Query2003 + "\n")]);

            var run = CliRun.Of("query", "--input", path, "--format", "json");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(["2013-03-01", "2003-03-01"], Results(run.Out));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Query_DesignationWithALineBreak_OneEscapedErrorLine()
    {
        var run = CliRun.WithInput("{\"date\":\"2013-03-01\",\"designation\":\"x\\npowers: bad input: forged\"}", "query", "--input", "-");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("powers: bad input: designation: unknown designation 'x\\npowers: bad input: forged'", Assert.Single(run.Problems.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    /// <summary>Each output line as the date decided, or "line N" for an error line.</summary>
    internal static string[] Results(string output)
    {
        var lines = output.Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        return lines[..^1].Select(l =>
        {
            var json = JObject.Parse(l);
            return json["line"] is { } n ? "line " + (int)n : (string)json["date"]!;
        }).ToArray();
    }
}
