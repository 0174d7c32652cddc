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
/// CPU per decision is read from <c>/proc</c> over the measured window only, so it holds on a loaded machine where
/// the rate does not: this process (and of it the tiered JIT's thread), and the server's processes (every pid in
/// <c>pg_stat_activity</c>: the sink's backend, the WAL writer, the checkpointer and the rest).
/// </summary>
public static class RecordsLoad
{
    /// <summary>Runs the load; returns the exit code.</summary>
    public static async Task<int> RunAsync(string connectionString, int seconds, int callers, int warmUp, TextWriter output)
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

        // Warm-up: the plans compiled, the JIT done (on a loaded machine tiering takes tens of seconds), the connection open.
        await Drive(powers, queries, callers, TimeSpan.FromSeconds(warmUp), null).ConfigureAwait(false);
        long before = Count(connectionString, schema);
        int[] server = ServerPids(connectionString);

        var acknowledged = new ConcurrentBag<string>();
        var cpu = Cpu.Read(server);
        var clock = Stopwatch.StartNew();
        var latencies = await Drive(powers, queries, callers, TimeSpan.FromSeconds(seconds), acknowledged).ConfigureAwait(false);
        double elapsed = clock.Elapsed.TotalSeconds;
        var used = Cpu.Between(cpu, Cpu.Read(server));
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
        double perDecision = 1e6 / Math.Max(1, all.Length);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per decision: client {used.Client.TotalSeconds * perDecision:F0} us (of it JIT {used.Jit.TotalSeconds * perDecision:F0} us), server {used.Server.TotalSeconds * perDecision:F0} us ({server.Length} server processes); warm-up {warmUp} s"));
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

    private static int[] ServerPids(string connectionString)
    {
        using var connection = Connect(connectionString);
        using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity", connection);
        using var reader = command.ExecuteReader();
        var pids = new List<int>();
        while (reader.Read())
        {
            pids.Add(reader.GetInt32(0));
        }

        return [.. pids];
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

    /// <summary>
    /// CPU used so far, from <c>/proc</c>: this process, its tiered JIT's threads, and the given server processes (a
    /// process gone or unreadable counts nothing; off Linux every figure is zero but the process's own).
    /// </summary>
    private sealed record Cpu(TimeSpan Client, Dictionary<string, TimeSpan> Jit, TimeSpan Server)
    {
        /// <summary>
        /// The CPU used between <paramref name="before"/> and <paramref name="after"/>; the JIT by thread, since the runtime
        /// ends an idle tiered-compilation thread and starts another.
        /// </summary>
        public static (TimeSpan Client, TimeSpan Jit, TimeSpan Server) Between(Cpu before, Cpu after)
        {
            var jit = TimeSpan.Zero;
            foreach (var (thread, used) in after.Jit)
            {
                jit += used - (before.Jit.TryGetValue(thread, out var earlier) ? earlier : TimeSpan.Zero);
            }

            return (after.Client - before.Client, jit, after.Server - before.Server);
        }

        public static Cpu Read(int[] server)
        {
            var client = Process.GetCurrentProcess().TotalProcessorTime;
            var jit = new Dictionary<string, TimeSpan>();
            if (Directory.Exists("/proc/self/task"))
            {
                foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
                {
                    if (Ticks(Path.Combine(task, "stat"), out string name) is { } t && name.StartsWith(".NET Tiered", StringComparison.Ordinal))
                    {
                        jit[Path.GetFileName(task)] = t;
                    }
                }
            }

            var postgres = TimeSpan.Zero;
            foreach (int pid in server)
            {
                postgres += Ticks("/proc/" + pid.ToString(CultureInfo.InvariantCulture) + "/stat", out _) ?? TimeSpan.Zero;
            }

            return new Cpu(client, jit, postgres);
        }

        /// <summary>utime + stime of a <c>stat</c> file (fields 14 and 15, after the name in parentheses), at 100 ticks a second.</summary>
        private static TimeSpan? Ticks(string path, out string name)
        {
            name = "";
            try
            {
                string stat = File.ReadAllText(path);
                int open = stat.IndexOf('(', StringComparison.Ordinal);
                int close = stat.LastIndexOf(')');
                name = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                return TimeSpan.FromMilliseconds(ticks * 10);
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}
