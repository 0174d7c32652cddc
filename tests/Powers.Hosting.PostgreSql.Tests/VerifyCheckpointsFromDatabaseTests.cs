using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using Powers.Cli;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>
/// <c>powers replay --connection CS --verify --trusted-key PUB.pem</c> on a table whose host signed checkpoints of its
/// chain's head into <c>TABLE_checkpoints</c> (issue 21): what the file's checkpoints find, found in the database too,
/// and a checkpoint row deleted from before another.
/// </summary>
[Collection(PostgresServer.Name)]
public sealed partial class VerifyCheckpointsFromDatabaseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("powers-pg-checkpoints").FullName;

    public VerifyCheckpointsFromDatabaseTests()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(KeyPath, key.ExportECPrivateKeyPem());
        File.WriteAllText(PublicPath, key.ExportSubjectPublicKeyInfoPem());
    }

    private string KeyPath => Path.Combine(_directory, "records.pem");

    private string PublicPath => Path.Combine(_directory, "records.pub.pem");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [PostgresFact]
    public async Task Verify_SignedTableUntouched_ExitsZeroCountingCheckpoints()
    {
        var (table, ids) = await Record(5);

        var (exit, output, error) = Verify(table, signed: true);

        // Every 2 records, and the last as the host stopped: records 2, 4 and 5.
        Assert.Equal(3L, Postgres.Scalar<long>($"SELECT count(*) FROM {table}_checkpoints"));
        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.Equal("intact: 5 records, 1 chain: writer test-writer records 1 to 5, the last " + table + " id " + ids[4] + " (decision " + ids[4] + "); 3 records matched their signed checkpoint" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_RowsCutFromTheEnd_NamesTheMissingRecords()
    {
        var (table, _) = await Record(5);
        Postgres.Execute($"DELETE FROM {table} WHERE chain_seq > 3");

        var plain = Verify(table, signed: false);
        var signed = Verify(table, signed: true);

        // The chain alone cannot tell a cut end from a short trail.
        Assert.Equal(0, plain.Exit);
        Assert.Equal(1, signed.Exit);
        Assert.Matches(
            "^broken: deleted: " + Regex.Escape(table + "_checkpoints (test-writer, 5)") + ": records 4 to 5 of writer test-writer missing from the end: the signed checkpoint says the chain reached record 5 \\(signed [0-9-]+ [0-9:]+Z\\); the trail ends at record 3: cut from the end" + Regex.Escape(Environment.NewLine) + "$",
            signed.Out);
    }

    [PostgresFact]
    public async Task Verify_TableRewrittenWithEveryLinkRecomputed_FailsAtTheFirstCheckpointAfterTheEdit()
    {
        var (table, ids) = await Record(5);
        // The query as given is in the record only (no column holds it); every later link recomputed over the edit.
        using (var connection = Postgres.Connect())
        {
            var rows = new List<(string Id, string Record)>();
            using (var read = new NpgsqlCommand($"SELECT id::text, record FROM {table} ORDER BY chain_seq", connection))
            using (var reader = read.ExecuteReader())
            {
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            rows[0] = (rows[0].Id, rows[0].Record.Replace("\"query\":{\"date\":", "\"query\":{\"power\":\"road-check\",\"date\":", StringComparison.Ordinal));
            for (int i = 1; i < rows.Count; i++)
            {
                string prev = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rows[i - 1].Record + "\n")));
                rows[i] = (rows[i].Id, Prev().Replace(rows[i].Record, "\"prev\":\"" + prev + "\""));
            }

            foreach (var (id, record) in rows)
            {
                using var update = new NpgsqlCommand($"UPDATE {table} SET record = @record WHERE id = '{id}'", connection);
                update.Parameters.AddWithValue("record", record);
                update.ExecuteNonQuery();
            }
        }

        var plain = Verify(table, signed: false);
        var signed = Verify(table, signed: true);

        Assert.Equal(0, plain.Exit);
        Assert.Equal(1, signed.Exit);
        Assert.Equal(
            "broken: edited: " + table + " id " + ids[1] + " (decision " + ids[1] + "): record 2 of writer test-writer does not match the signed checkpoint " + table + "_checkpoints (test-writer, 2): it, or a record before it with every link after it recomputed, was changed after it was signed" + Environment.NewLine,
            signed.Out);
    }

    [PostgresFact]
    public async Task Verify_CheckpointForged_SignatureDoesNotVerify()
    {
        var (table, _) = await Record(5);
        string row = Postgres.Scalar<string>($"SELECT checkpoint FROM {table}_checkpoints WHERE chain_seq = 4");
        string[] parts = row.Split('.');
        string payload = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        parts[1] = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.Replace("\"seq\":4", "\"seq\":3", StringComparison.Ordinal)));
        Postgres.Execute($"UPDATE {table}_checkpoints SET checkpoint = '{string.Join('.', parts)}' WHERE chain_seq = 4");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("broken: checkpoint: " + table + "_checkpoints (test-writer, 4): its signature does not verify with " + PublicPath + ": forged, or changed after it was signed" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_CheckpointRowSequenceColumnEdited_BrokenCheckpointNamingTheRow()
    {
        var (table, _) = await Record(5);
        // The signed payload is untouched; only the column that names the row says another record.
        Postgres.Execute($"UPDATE {table}_checkpoints SET chain_seq = 3 WHERE chain_seq = 4");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("broken: checkpoint: " + table + "_checkpoints (test-writer, 3): its columns name record 3 of writer test-writer, but it signs record 4 of writer test-writer: the row was changed after it was stored" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_CheckpointRowWriterColumnEdited_BrokenCheckpointNamingTheRow()
    {
        var (table, _) = await Record(5);
        Postgres.Execute($"UPDATE {table}_checkpoints SET chain_writer = 'other-writer' WHERE chain_seq = 2");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("broken: checkpoint: " + table + "_checkpoints (other-writer, 2): its columns name record 2 of writer other-writer, but it signs record 2 of writer test-writer: the row was changed after it was stored" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_CheckpointRowDeleted_NamesTheCheckpointAfterIt()
    {
        var (table, _) = await Record(5);
        Postgres.Execute($"DELETE FROM {table}_checkpoints WHERE chain_seq = 4");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("broken: deleted: " + table + "_checkpoints (test-writer, 5): the signed checkpoint of record 5 of writer test-writer follows one of record 4, which is not there: a checkpoint was deleted" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_CheckpointRowOfTheRunBeforeARestartDeleted_Found()
    {
        string schema = Postgres.NewSchema();
        await Record(3, schema);
        // Records 1 to 3 signed at 2 and as the host stopped (3); the restarted host counts from 3 and signs 5 after it.
        var (table, _) = await Record(2, schema);
        Postgres.Execute($"DELETE FROM {table}_checkpoints WHERE chain_seq = 3");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(new long[] { 2, 5 }, Postgres.Scalar<long[]>($"SELECT array_agg(chain_seq ORDER BY chain_seq) FROM {table}_checkpoints"));
        Assert.Equal(1, exit);
        Assert.Equal("broken: deleted: " + table + "_checkpoints (test-writer, 5): the signed checkpoint of record 5 of writer test-writer follows one of record 3, which is not there: a checkpoint was deleted" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_EveryCheckpointRowDeleted_Unverified()
    {
        var (table, _) = await Record(5);
        Postgres.Execute($"DELETE FROM {table}_checkpoints");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("unverified: '" + table + "_checkpoints' holds no signed checkpoint" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_CheckpointsTableDropped_Unverified()
    {
        var (table, _) = await Record(2);
        Postgres.Execute($"DROP TABLE {table}_checkpoints");

        var (exit, output, _) = Verify(table, signed: true);

        Assert.Equal(1, exit);
        Assert.Equal("unverified: no checkpoints table '" + table + "_checkpoints': the trail cannot be checked against a signature (the host signs none, or they were deleted)" + Environment.NewLine, output);
    }

    [GeneratedRegex("\"prev\":\"[0-9a-f]{64}\"")]
    private static partial Regex Prev();

    private async Task<(string Table, string[] Ids)> Record(int count, string? schema = null)
    {
        await using var host = await RecordingHost.StartAsync(schema, writer: "test-writer", configure: o =>
        {
            o.SigningKey = KeyPath;
            o.CheckpointEvery = 2;
        });
        var ids = new List<string>();
        foreach (string query in Queries.Make(count, seed: 21))
        {
            ids.Add((await host.Powers.DecideAsync(query)).DecisionId);
        }

        return (host.Table, [.. ids]);
    }

    // powers replay --connection ... --verify [--trusted-key PUB.pem], in process.
    private (int Exit, string Out, string Error) Verify(string table, bool signed)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["replay", "--connection", Postgres.Required, "--table", table, "--verify", .. signed ? new[] { "--trusted-key", PublicPath } : []];
        int exit = PowersCli.Run(args, new CliConsole(output, error, new StringReader(string.Empty), ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }
}
