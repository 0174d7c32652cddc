using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Benchmarks.Tests;

/// <summary>The queries the NDJSON benchmark and the CLI timing read are all valid, so they time decisions, not errors.</summary>
public class NdjsonGeneratorTests
{
    [Fact]
    public void Write_200Queries_EveryOneReadWithoutErrors()
    {
        var library = ShippedLibrary.Instance;
        using var writer = new StringWriter();
        NdjsonGenerator.Write(library, writer, 200, seed: 3);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(200, lines.Length);
        foreach (string line in lines)
        {
            var errors = new List<QueryError>();
            Assert.NotNull(QueryReader.Parse(library, line, errors));
            Assert.Empty(errors);
        }
    }
}
