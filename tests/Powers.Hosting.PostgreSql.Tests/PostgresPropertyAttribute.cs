namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>An FsCheck property against the PostgreSQL server, skipped as <see cref="PostgresFactAttribute"/> is; 20 cases.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresPropertyAttribute : FsCheck.Xunit.PropertyAttribute
{
    public PostgresPropertyAttribute()
    {
        MaxTest = 20;
        QuietOnSuccess = true;
        if (Postgres.ConnectionString is null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "No PostgreSQL: set POWERS_TEST_POSTGRES (source .ci/postgres.sh && powers_postgres_start) to run it.";
        }
    }
}
