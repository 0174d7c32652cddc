using Npgsql;
using Powers.Hosting;

namespace Powers.Cli.Replay;

/// <summary>
/// Reads the decision records that Powers.Hosting.PostgreSql stores (docs/embedding.md, "Decision records in
/// PostgreSQL"), oldest first, streaming. Each row is turned into the record format of the NDJSON file in SQL, so
/// the file and the database are read by one reader.
/// </summary>
internal sealed class PostgreSqlRecordReader(string connectionString, string table) : IDecisionRecordSource
{
    public string Name => table;

    public bool IsStream => false;

    public IEnumerable<StoredDecisionRecord> Read()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            $"""
            SELECT id::text, json_build_object(
                'decisionId', id,
                'date', to_char(query_date, 'YYYY-MM-DD'),
                'ruleset', CASE WHEN ruleset_id IS NULL THEN NULL
                    ELSE json_build_object('id', ruleset_id, 'version', ruleset_version, 'revision', ruleset_revision, 'sha256', ruleset_sha256) END,
                'designation', coalesce(to_json(designation), json_build_object('force', designation_force, 'powers', designation_powers)),
                'facts', facts,
                'outcomes', outcomes)::text
            FROM {table} ORDER BY decided_at, id
            """,
            connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new StoredDecisionRecord(System.Text.Encoding.UTF8.GetBytes(reader.GetString(1)), table + " id " + reader.GetString(0));
        }
    }
}
