using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>
/// A bounded load run, not a test: decisions per second and p50/p99 latency of <c>Decide</c> with every decision
/// recorded to PostgreSQL, from many threads at once (as a busy host). It asserts only that every decision was
/// recorded; the figures are printed. Runs only when asked:
/// <c>POWERS_PG_LOAD_SECONDS=20 dotnet test tests/Powers.Hosting.PostgreSql.Tests -c Release --filter PostgreSqlLoadRun --logger "console;verbosity=detailed"</c>
/// (<c>POWERS_PG_LOAD_THREADS</c>, default 32).
/// </summary>
[Collection(PostgresServer.Name)]
public sealed class PostgreSqlLoadRun(ITestOutputHelper output)
{
    [LoadRunFact]
    public async Task Decide_RecordedToPostgreSql_PrintsThroughputAndLatency()
    {
        int seconds = int.Parse(Environment.GetEnvironmentVariable("POWERS_PG_LOAD_SECONDS")!, CultureInfo.InvariantCulture);
        int threads = int.TryParse(Environment.GetEnvironmentVariable("POWERS_PG_LOAD_THREADS"), CultureInfo.InvariantCulture, out int t) ? t : 32;
        string[] queries = Queries.Make(4096, seed: 15);
        await using var host = await RecordingHost.StartAsync();
        host.Powers.Decide(queries[0]);

        var latencies = new List<long>[threads];
        var deadline = Stopwatch.GetTimestamp() + (seconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        Postgres.Concurrently(threads, threads, w =>
        {
            var mine = latencies[w] = new List<long>(1 << 16);
            for (int i = w; Stopwatch.GetTimestamp() < deadline; i += threads)
            {
                long started = Stopwatch.GetTimestamp();
                host.Powers.Decide(queries[i % queries.Length]);
                mine.Add(Stopwatch.GetTimestamp() - started);
            }
        });

        double elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        long rows = Postgres.Scalar<long>($"SELECT count(*) FROM {host.Table}");
        double Ms(double q) => all[(int)Math.Min(all.Length - 1, q * all.Length)] * 1000.0 / Stopwatch.Frequency;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{all.Length} decisions in {elapsed:F1} s from {threads} threads: {all.Length / elapsed:F0} decisions/s; latency p50 {Ms(0.50):F2} ms, p99 {Ms(0.99):F2} ms, max {Ms(1.0):F2} ms; {rows} rows"));
        Assert.Equal(all.Length + 1, rows);
    }

    /// <summary>Runs only with <c>POWERS_PG_LOAD_SECONDS</c> and a server; otherwise skipped, saying so.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    private sealed class LoadRunFactAttribute : FactAttribute
    {
        public LoadRunFactAttribute()
        {
            if (Environment.GetEnvironmentVariable("POWERS_PG_LOAD_SECONDS") is null || Postgres.ConnectionString is null)
            {
                Skip = "A load run: set POWERS_PG_LOAD_SECONDS (and POWERS_TEST_POSTGRES) to run it.";
            }
        }
    }
}
