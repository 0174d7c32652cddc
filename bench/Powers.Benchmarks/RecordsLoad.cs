using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Powers.Hosting;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>
/// The PostgreSQL records load: a host that records every decision in PostgreSQL (through the public API only:
/// <c>AddPowers</c>, <c>AddPostgreSqlRecords</c>, <c>DecideAsync</c>), <c>CALLERS</c> concurrent callers each
/// awaiting one decision after another for <c>SECONDS</c>, after a warm-up. Prints decisions per second, latency
/// percentiles of <c>DecideAsync</c> (read, decide, record), the stored row size, and checks that every
/// acknowledged decision has its row (exit 1 otherwise). Half the queries name a stored designation, half are ad
/// hoc (a third of those with a made day). <c>bench/records-load.sh</c> starts a throwaway server and runs it.
/// </summary>
public static class RecordsLoad
{
    /// <summary>Runs the load; returns the exit code.</summary>
    public static async Task<int> RunAsync(string connectionString, int seconds, int callers, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string[] queries = MakeQueries(8192);
        string schema = "load_" + Guid.NewGuid().ToString("N")[..10];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddConsole();
        builder.Services.AddPowers(o => o.RecordDecisions = true).AddPostgreSqlRecords(o =>
        {
            o.ConnectionString = connectionString;
            o.Schema = schema;
        });
        using var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        var powers = host.Services.GetRequiredService<IPowersService>();

        // Warm-up: the plans compiled, the JIT done, the connection open.
        await Drive(powers, queries, callers, TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, seconds / 4))), null).ConfigureAwait(false);
        long before = Count(connectionString, schema);

        var acknowledged = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();
        var latencies = await Drive(powers, queries, callers, TimeSpan.FromSeconds(seconds), acknowledged).ConfigureAwait(false);
        double elapsed = clock.Elapsed.TotalSeconds;
        await host.StopAsync().ConfigureAwait(false);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Ms(double q) => all[(int)Math.Min(all.Length - 1, q * all.Length)] * 1000.0 / Stopwatch.Frequency;
        long rows = Count(connectionString, schema) - before;
        var stored = Ids(connectionString, schema);
        int lost = acknowledged.Count(id => !stored.Contains(Guid.Parse(id)));
        var (rowBytes, totalBytes, fsync, commit) = Sizes(connectionString, schema);
        double load = File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{all.Length} decisions in {elapsed:F1} s from {callers} DecideAsync callers: {all.Length / elapsed:F0} decisions/s recorded; latency p50 {Ms(0.50):F2} ms, p99 {Ms(0.99):F2} ms, max {Ms(1.0):F2} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rows {rows} (acknowledged {acknowledged.Count}, lost {lost}); row as stored {rowBytes:F0} B on average (pg_column_size), table with indexes {totalBytes / Math.Max(1, stored.Count):F0} B per row; fsync {fsync}, synchronous_commit {commit}; load average {load:F2} at the end"));
        return lost == 0 ? 0 : 1;
    }

    private static async Task<List<long>[]> Drive(IPowersService powers, string[] queries, int callers, TimeSpan duration, ConcurrentBag<string>? acknowledged)
    {
        long deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[callers];
        var tasks = new Task[callers];
        for (int c = 0; c < callers; c++)
        {
            int caller = c;
            var mine = latencies[c] = new List<long>(1 << 16);
            tasks[c] = Task.Run(async () =>
            {
                for (int i = caller; Stopwatch.GetTimestamp() < deadline; i += callers)
                {
                    long started = Stopwatch.GetTimestamp();
                    var answer = await powers.DecideAsync(queries[i % queries.Length]).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                    if (!answer.Succeeded)
                    {
                        throw new InvalidOperationException("bad query: " + string.Join("; ", answer.Errors));
                    }

                    acknowledged?.Add(answer.DecisionId);
                }
            });
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
        return latencies;
    }

    private static string[] MakeQueries(int count)
    {
        var stored = new StringWriter(CultureInfo.InvariantCulture);
        NdjsonGenerator.Write(BenchmarkData.Library, stored, count / 2, seed: 7);
        var adHoc = new StringWriter(CultureInfo.InvariantCulture);
        AdHocNdjsonGenerator.Write(BenchmarkData.Library, adHoc, count - (count / 2), seed: 8);
        var a = stored.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var b = adHoc.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return [.. a.Zip(b).SelectMany(p => new[] { p.First, p.Second })];
    }

    private static NpgsqlConnection Connect(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static long Count(string connectionString, string schema)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand($"SELECT count(*) FROM {schema}.decisions", connection);
        return (long)command.ExecuteScalar()!;
    }

    private static HashSet<Guid> Ids(string connectionString, string schema)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand($"SELECT id FROM {schema}.decisions", connection);
        using var reader = command.ExecuteReader();
        var ids = new HashSet<Guid>();
        while (reader.Read())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    private static (double Row, long Total, string Fsync, string Commit) Sizes(string connectionString, string schema)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand(
            $"SELECT (SELECT avg(pg_column_size(t.*))::float8 FROM {schema}.decisions t), pg_total_relation_size('{schema}.decisions'), current_setting('fsync'), current_setting('synchronous_commit')",
            connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetDouble(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3));
    }
}
