using Powers.Benchmarks;
using Powers.Evaluation;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Benchmarks.Tests;

public class AdHocNdjsonTests
{
    [Fact]
    public void Write_200Queries_EveryOneAdHocAndReadByTheFastPath()
    {
        var library = ShippedLibrary.Instance;
        using var writer = new StringWriter();
        AdHocNdjsonGenerator.Write(library, writer, 200, seed: 3);
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reader = new CompactQueryReader(library);
        var situation = new Situation(library.Schema);
        int made = 0;
        Assert.Equal(200, lines.Length);
        foreach (string line in lines)
        {
            Assert.True(reader.TryRead(line, situation, out _, out var designation, out _), line);
            Assert.Null(designation!.Id);
            made += designation.Made is null ? 0 : 1;
        }

        Assert.InRange(made, 30, 110);
    }

    [Fact]
    public void RulesEngineNdjson_GeneratedLines_OneLineOfEveryPowerPerQuery()
    {
        var library = ShippedLibrary.Instance;
        string path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path))
            {
                AdHocNdjsonGenerator.Write(library, writer, 20, seed: 4);
            }

            using var output = new StringWriter();
            int bad = RulesEngineNdjson.Run(library, path, output);

            string[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(0, bad);
            Assert.Equal(20, lines.Length);
            Assert.All(lines, l => Assert.Equal(library.Powers.Count, l.Split("\":\"").Length - 1));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
