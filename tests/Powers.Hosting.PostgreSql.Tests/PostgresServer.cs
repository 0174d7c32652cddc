namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>One server for every test here, and one test restarts it: they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresServer
{
    public const string Name = "PostgreSQL";
}
