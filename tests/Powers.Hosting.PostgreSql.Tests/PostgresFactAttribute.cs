namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>
/// A test against a real PostgreSQL server, named by <c>POWERS_TEST_POSTGRES</c> (an Npgsql connection string;
/// <c>.ci/postgres.sh</c> starts a throwaway one and sets it). Skipped, with the reason, only on a local run
/// without it; in CI (<c>CI=true</c>) it always runs, and fails if the server is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (Postgres.ConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "No PostgreSQL: set POWERS_TEST_POSTGRES (source .ci/postgres.sh && powers_postgres_start) to run it.";
        }
    }
}
