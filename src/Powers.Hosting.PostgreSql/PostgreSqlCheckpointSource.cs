using System.Globalization;
using Npgsql;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Reads back the signed checkpoints <see cref="PostgreSqlDecisionRecordSink"/> stores in <c>TABLE_checkpoints</c>, for
/// <c>powers replay --connection CS --verify --trusted-key</c>: each row's checkpoint as stored (a compact JWS, whose
/// signature the reader verifies before believing it), named by the table and the writer and record its columns give,
/// and those columns, which the reader compares with what the checkpoint signs.
/// </summary>
internal sealed class PostgreSqlCheckpointSource(string connectionString, string recordsTable)
{
    /// <summary>The checkpoints table beside <c>SCHEMA.TABLE</c>: <c>SCHEMA.TABLE_checkpoints</c>.</summary>
    public string Name { get; } = recordsTable + "_checkpoints";

    /// <summary>
    /// Every row, each writer's in the order of the record it signs; null when there is no such table (the host never
    /// signed, or it was dropped).
    /// </summary>
    public List<(string Text, string Where, string Writer, long Sequence)>? Read()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection))
        {
            exists.Parameters.AddWithValue("name", Name);
            if (exists.ExecuteScalar() is not true)
            {
                return null;
            }
        }

        var rows = new List<(string, string, string, long)>();
        using var command = new NpgsqlCommand("SELECT chain_writer, chain_seq, checkpoint FROM " + Name + " ORDER BY chain_writer, chain_seq, stored_at", connection);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string writer = reader.GetString(0);
            long sequence = reader.GetInt64(1);
            rows.Add((reader.GetString(2), Name + " (" + writer + ", " + sequence.ToString(CultureInfo.InvariantCulture) + ")", writer, sequence));
        }

        return rows;
    }
}
