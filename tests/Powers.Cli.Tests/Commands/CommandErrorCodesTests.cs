using Powers.Cli.Commands;
using Powers.Queries;

namespace Powers.Cli.Tests.Commands;

/// <summary>
/// The codes of the command line's own query errors (docs/contract.md, "Query errors", PQ09xx and the flags' PQ0005):
/// each produced by the flags or by the method the command reports it with, beside the words the command prints.
/// </summary>
public sealed class CommandErrorCodesTests
{
    private static readonly PowersEngine Engine = PowersEngine.LoadEmbedded();

    private static (string Code, string Text) Of(QueryError error) => (error.Code, error.ToString());

    [Fact]
    public void FromFlags_DesignationAndForce_PQ0901()
    {
        QueryCommand.FromFlags(Engine.Library, "2013-03-01", "met-2002-security", "kent", "cordon", [], null, out var errors);
        Assert.Equal(("PQ0901", "--designation: give either --designation or --force with --grant, not both"), Of(Assert.Single(errors)));
    }

    [Fact]
    public void FromFlags_MadeWithAStoredDesignation_PQ0901()
    {
        QueryCommand.FromFlags(Engine.Library, "2013-03-01", "met-2002-security", null, null, [], null, out var errors, "2013-01-01");
        Assert.Equal(("PQ0901", "--made: --made dates an ad-hoc designation (--force with --grant); a stored designation says when it was made"), Of(Assert.Single(errors)));
    }

    [Fact]
    public void Detail_OutcomesFormatWithReasons_PQ0901()
    {
        Assert.Null(QueryCommand.Detail(QueryFormats.Outcomes, "reasons", out var error));
        Assert.Equal(("PQ0901", "--detail: --format outcomes writes outcomes only; use --format json --detail reasons"), Of(error!));
    }

    [Fact]
    public void FromFlags_NoDesignation_PQ0005()
    {
        QueryCommand.FromFlags(Engine.Library, "2013-03-01", null, null, null, [], null, out var errors);
        Assert.Equal(("PQ0005", "--designation: a designation is required: --designation ID, or --force F --grant P,P"), Of(Assert.Single(errors)));
    }

    [Fact]
    public void FromFlags_FactWithoutEquals_PQ0904()
    {
        QueryCommand.FromFlags(Engine.Library, "2013-03-01", "met-2002-security", null, null, ["inUniform"], null, out var errors);
        Assert.Equal(("PQ0904", "--fact: 'inUniform' is not name=value, e.g. inUniform=true"), Of(Assert.Single(errors)));
    }

    [Fact]
    public void Query_UnreadableInput_PQ0902()
    {
        string folder = Directory.CreateTempSubdirectory("powers-pq0902-").FullName;
        try
        {
            // A folder is not a file: the command's words, then the error it builds them with.
            var run = CliRun.Of("query", "--input", folder);
            Assert.Equal(2, run.ExitCode);
            Assert.StartsWith("powers: bad input: --input: cannot read '" + folder + "': ", run.Problems, StringComparison.Ordinal);
            var error = QueryCommand.Unreadable(folder, new IOException("Is a directory"));
            Assert.Equal(("PQ0902", "--input: cannot read '" + folder + "': Is a directory"), Of(error));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Export_UnwritableOutput_PQ0903()
    {
        var error = ExportCommand.Unwritable("/no/such/dir/out.json", new DirectoryNotFoundException("Could not find a part of the path '/no/such/dir/out.json'."));
        Assert.Equal(("PQ0903", "--output: cannot write '/no/such/dir/out.json': Could not find a part of the path '/no/such/dir/out.json'."), Of(error));
        var run = CliRun.Of("export", "--format", "rulesengine", "--date", "2013-03-01", "--designation", "met-2002-security", "--output", "/no/such/dir/out.json");
        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("powers: bad input: " + error + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_DateBeforeTheLaw_PQ0905()
    {
        var error = ExportCommand.NoVersionInForce("1990-01-01");
        Assert.Equal(("PQ0905", "--date: no version of the law is in force on 1990-01-01; give another date or --ruleset ID@VERSION"), Of(error));
        var run = CliRun.Of("export", "--format", "rulesengine", "--date", "1990-01-01", "--designation", "met-2002-security");
        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("powers: bad input: " + error + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_DifferentSchemas_PQ0906()
    {
        Assert.Equal(("PQ0906", "--to-rules: the two libraries have different fact schemas, so their situations cannot be compared"), Of(DiffCommand.DifferentSchemas()));
    }
}
