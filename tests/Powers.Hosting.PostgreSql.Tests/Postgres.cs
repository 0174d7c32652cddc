using System.Diagnostics;
using Npgsql;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>The test server: its connection string, a fresh schema per test, and the commands that stop and start it.</summary>
public static class Postgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("POWERS_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string Required => ConnectionString ?? throw new InvalidOperationException("POWERS_TEST_POSTGRES is not set; in CI, .ci/run starts PostgreSQL and sets it.");

    /// <summary>A schema name no other test uses.</summary>
    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A new, unpooled connection: the server-restart test would otherwise get a pooled one the restart broke.</summary>
    public static NpgsqlConnection Connect(string? connectionString = null)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString ?? Required) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    public static T Scalar<T>(string sql)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    public static void Execute(string sql)
    {
        using var connection = Connect();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs <paramref name="count"/> calls of <paramref name="body"/> on <paramref name="threads"/> dedicated threads, as many concurrent requests would.</summary>
    public static void Concurrently(int count, int threads, Action<int> body)
    {
        int next = -1;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            try
            {
                for (int i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                {
                    body(i);
                }
            }
            catch (Exception e)
            {
                // An exception on a raw thread would end the test process; report it from the test instead.
                failures.Enqueue(e);
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        if (!failures.IsEmpty)
        {
            throw new AggregateException(failures);
        }
    }

    /// <summary>Runs <c>POWERS_TEST_POSTGRES_STOP</c> or <c>_START</c> (set by .ci/postgres.sh) and waits for it.</summary>
    public static void Run(string variable)
    {
        string command = Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException(variable + " is not set; .ci/postgres.sh sets it.");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), variable + " did not finish in 60 s");
        Assert.True(process.ExitCode == 0, variable + " failed: " + output);
    }
}
