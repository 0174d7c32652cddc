using Powers.Cli.Commands;

namespace Powers.Cli.Tests.Commands;

/// <summary>The formats of <c>powers query</c> come from one list (<see cref="QueryFormats.All"/>): what is registered is what the command takes.</summary>
public class QueryFormatsTests
{
    private const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""";

    public static TheoryData<string> Names() => [.. QueryFormats.Names];

    [Theory]
    [MemberData(nameof(Names))]
    public void Query_EveryRegisteredFormat_DecidesAQueryDocument(string name)
    {
        var run = CliRun.WithInput(Query, "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--format", name);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("search", run.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Query_EveryRegisteredFormatOnNdjson_OneLineAQueryOrRefusedForPeople(string name)
    {
        var format = QueryFormats.Named(name);

        var run = CliRun.WithInput(Query + "\n" + Query + "\n", "query", "--rules", CliRun.RulesDirectory, "--input", "-", "--format", name);

        Assert.Equal(format.ForPeople ? 2 : 0, run.ExitCode);
        Assert.Equal(format.ForPeople ? 0 : 2, run.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(format.WriteLine is null, format.ForPeople);
    }

    [Fact]
    public void Help_FormatOption_ListsTheRegisteredFormats()
    {
        var run = CliRun.Of("query", "--help");

        Assert.Contains("Output format: " + string.Join(", ", QueryFormats.Names) + ".", run.Out, StringComparison.Ordinal);
    }
}
