using System.Globalization;
using Npgsql;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Reads back the signed checkpoints <see cref="PostgreSqlDecisionRecordSink"/> stores in <c>TABLE_checkpoints</c>
/// (<see cref="PostgreSqlDecisionRecordSource.ReadCheckpoints"/>): each row's checkpoint as stored (a compact JWS,
/// whose signature the reader verifies before believing it), named by the table and the writer and record its
/// columns give, with those columns, which the reader compares with what the checkpoint signs.
/// </summary>
internal static class PostgreSqlCheckpointSource
{
    /// <summary>
    /// The checkpoints table beside <paramref name="recordsTable"/> (<c>SCHEMA.TABLE_checkpoints</c>) and every row,
    /// each writer's in the order of the record it signs; no place when there is no such table (the host never
    /// signed, or it was dropped).
    /// </summary>
    public static StoredCheckpoints Read(string connectionString, string recordsTable)
    {
        string name = recordsTable + "_checkpoints";
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is not true)
            {
                return new StoredCheckpoints("table", name, null);
            }
        }

        var rows = new List<StoredCheckpoint>();
        using var command = new NpgsqlCommand("SELECT chain_writer, chain_seq, checkpoint FROM " + name + " ORDER BY chain_writer, chain_seq, stored_at", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string writer = reader.GetString(0);
            long sequence = reader.GetInt64(1);
            rows.Add(new StoredCheckpoint(reader.GetString(2), name + " (" + writer + ", " + sequence.ToString(CultureInfo.InvariantCulture) + ")", writer: writer, sequence: sequence));
        }

        return new StoredCheckpoints("table", name, rows);
    }
}
