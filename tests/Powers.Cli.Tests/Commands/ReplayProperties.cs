using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Powers.Hosting;
using Powers.TestSupport;

namespace Powers.Cli.Tests.Commands;

/// <summary>Records that nobody touched replay unchanged, whatever the ad-hoc designation gave (issue 21, item 0).</summary>
public sealed class ReplayProperties
{
    // Bounded: at most 30 batches of at most 20 queries, records written without fsync (their content is what is
    // checked), so a run stays within a few seconds and a few MB on the loaded 2-core machine.
    [FsCheck.Xunit.Property(MaxTest = 30, QuietOnSuccess = true)]
    public Property Replay_UntouchedRecordsOfRandomAdHocDesignations_NothingChanges() =>
        Prop.ForAll(RecordedQueries.Batches(ShippedLibrary.Instance, 20).ToArbitrary(), queries =>
        {
            string directory = Directory.CreateTempSubdirectory("powers-replay-property").FullName;
            try
            {
                string path = Path.Combine(directory, "decisions.ndjson");
                // As a started host would have it (the file is opened at start-up): a batch of bad input alone records nothing.
                File.WriteAllText(path, string.Empty);
                int recorded = Record(path, queries);
                if (recorded == 0)
                {
                    // A batch whose every query is refused records nothing, so there is no file to replay (about one
                    // run in eight, e.g. FsCheck replay 4550714558475303721,5843745627369883817,37).
                    return true.Label("nothing recorded");
                }

                var run = CliRun.Of("replay", path);

                return (run.ExitCode == 0 && run.Problems.Length == 0 && run.Body == recorded + " replayed, 0 changed (0 power outcomes)" + Environment.NewLine)
                    .Label("exit " + run.ExitCode + Environment.NewLine + run.Out + run.Error);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        });

    /// <summary>Decides every query in a host that records to <paramref name="path"/>; the number decided (bad input is answered, not recorded).</summary>
    private static int Record(string path, string[] queries)
    {
        var services = new ServiceCollection();
        services.AddPowers(o =>
        {
            o.RecordDecisions = true;
            o.DecisionRecordsPath = path;
            o.DecisionRecordsFlushToDisk = false;
        });
        using var provider = services.BuildServiceProvider();
        var powers = provider.GetRequiredService<IPowersService>();
        return queries.Count(q => powers.Decide(q).Succeeded);
    }
}
