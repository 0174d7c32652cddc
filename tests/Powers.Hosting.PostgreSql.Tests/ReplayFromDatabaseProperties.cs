using FsCheck;
using FsCheck.Fluent;
using Powers.Cli;
using Powers.TestSupport;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>Rows that nobody touched replay unchanged and verify whole, whatever the ad-hoc designation gave (issue 21, items 0 and 2).</summary>
[Collection(PostgresServer.Name)]
public sealed class ReplayFromDatabaseProperties
{
    // Bounded: at most 20 batches of at most 20 queries into one host's table, so a run stays within seconds and a
    // few MB on the loaded 2-core machine. Skipped (as every test here) without a server.
    [PostgresProperty]
    public Property Replay_UntouchedRowsOfRandomAdHocDesignations_NothingChangesAndTheChainIsWhole() =>
        Prop.ForAll(RecordedQueries.Batches(ShippedLibrary.Instance, 20).ToArbitrary(), queries =>
        {
            var host = RecordingHost.StartAsync().GetAwaiter().GetResult();
            int recorded;
            try
            {
                recorded = queries.Count(q => host.Powers.Decide(q).Succeeded);
            }
            finally
            {
                host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }

            string table = host.Table;

            var replay = Run("replay", "--connection", Postgres.Required, "--table", table);
            var verify = Run("replay", "--connection", Postgres.Required, "--table", table, "--verify");

            return (replay.Exit == 0 && replay.Out == ReplayFromDatabaseTests.EmbeddedLibraryLine + recorded + " replayed, 0 changed (0 power outcomes)" + Environment.NewLine && (recorded == 0 || verify.Exit == 0))
                .Label("replay exit " + replay.Exit + Environment.NewLine + replay.Out + replay.Error + "verify exit " + verify.Exit + Environment.NewLine + verify.Out + verify.Error);
        });

    private static (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = PowersCli.Run(args, new CliConsole(output, error, new StringReader(string.Empty), ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }
}
