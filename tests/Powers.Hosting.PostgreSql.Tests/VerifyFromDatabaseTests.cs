using Newtonsoft.Json.Linq;
using Powers.Cli;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary><c>powers replay --connection ... --verify</c>: the chain of each writer in the table, every kind of tampering found and named (issue 21, item 2).</summary>
[Collection(PostgresServer.Name)]
public sealed class VerifyFromDatabaseTests
{
    [PostgresFact]
    public async Task Verify_UntouchedTable_ExitsZero()
    {
        var (table, ids) = await Record(4);

        var (exit, output, error) = Verify(table);

        Assert.Equal(string.Empty, error);
        Assert.Equal(0, exit);
        Assert.Equal("intact: 4 records, 1 chain: writer test-writer records 1 to 4, the last " + table + " id " + ids[3] + " (decision " + ids[3] + ")" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_RestartedHost_ContinuesItsChain()
    {
        string schema = Postgres.NewSchema();
        await Record(2, schema);
        var (table, ids) = await Record(2, schema);

        var (exit, output, _) = Verify(table);

        Assert.Equal(0, exit);
        Assert.Equal(4L, Postgres.Scalar<long>($"SELECT chain_seq FROM {table} WHERE id = '{ids[1]}'"));
        Assert.StartsWith("intact: 4 records, 1 chain: writer test-writer records 1 to 4", output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Verify_RecordTextEdited_NamesTheRow()
    {
        var (table, ids) = await Record(4);
        // The query as given is in the record only (no column holds it): only the chain can find this edit.
        Postgres.Execute($"UPDATE {table} SET record = replace(record, '\"query\":{{\"date\":', '\"query\":{{\"power\":\"road-check\",\"date\":') WHERE id = '{ids[1]}'");

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Equal(
            "broken: edited: " + table + " id " + ids[1] + " (decision " + ids[1] + "): changed after it was written: the link of the next record, " + table + " id " + ids[2] + " (decision " + ids[2] + "), does not match it" + Environment.NewLine,
            output);
    }

    [PostgresFact]
    public async Task Verify_OutcomesColumnEdited_NamesTheRowAndColumn()
    {
        var (table, ids) = await Record(4);
        Postgres.Execute($"UPDATE {table} SET outcomes = jsonb_set(outcomes, '{{road-check,outcome}}', '\"permitted\"') WHERE id = '{ids[2]}'");

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Equal("broken: edited: " + table + " id " + ids[2] + " (decision " + ids[2] + "): outcomes disagrees with the row's record: edited" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_RowDeleted_NamesTheGap()
    {
        var (table, ids) = await Record(4);
        Postgres.Execute($"DELETE FROM {table} WHERE id = '{ids[1]}'");

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Equal(
            "broken: deleted: " + table + " id " + ids[2] + " (decision " + ids[2] + "): record 2 of writer test-writer missing between " + table + " id " + ids[0] + " (decision " + ids[0] + ") and it: deleted" + Environment.NewLine,
            output);
    }

    [PostgresFact]
    public async Task Verify_RowCopiedIn_NamesTheCopy()
    {
        var (table, ids) = await Record(4);
        string copy = "019aab6c-0000-7000-8000-0000000000aa";
        // Whoever inserts can drop the unique index on (chain_writer, chain_seq) first; the chain still finds it.
        Postgres.Execute($"DROP INDEX {table}_chain; INSERT INTO {table} SELECT '{copy}', decided_at, ruleset_id, ruleset_version, ruleset_revision, ruleset_sha256, library_sha256, query_date, designation, designation_force, designation_powers, facts, outcomes, decision, replace(record, '{ids[1]}', '{copy}'), chain_writer, chain_seq FROM {table} WHERE id = '{ids[1]}'");

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Contains("broken: inserted: ", output, StringComparison.Ordinal);
        Assert.Contains("record 2 of writer test-writer again, after ", output, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Verify_RowWithoutARecordInsertedAfterTheChain_NamesIt()
    {
        var (table, ids) = await Record(4);
        string forged = "019aab6c-0000-7000-8000-0000000000bb";
        // A row as an older Powers wrote it (columns only), dated after the chain began: not an older row to pass over.
        Postgres.Execute($"INSERT INTO {table} (id, decided_at, library_sha256, query_date, designation, designation_force, facts, outcomes, decision) SELECT '{forged}', decided_at + interval '1 second', library_sha256, query_date, designation, designation_force, facts, outcomes, '{{}}' FROM {table} WHERE id = '{ids[1]}'");

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Equal("broken: inserted: " + table + " id " + forged + " (decision " + forged + "): a record without a chain link after the trail was chained (inserted, or appended by an older Powers)" + Environment.NewLine, output);
    }

    [PostgresFact]
    public async Task Verify_SequenceNumbersSwapped_NamesTheReordering()
    {
        var (table, ids) = await Record(4);
        // Rows have no order but their sequence: putting two out of order means rewriting both numbers, in the record and the column.
        Postgres.Execute($"""
            DROP INDEX {table}_chain;
            UPDATE {table} SET chain_seq = 5 - chain_seq, record = replace(record, '"seq":' || chain_seq || ',', '"seq":' || (5 - chain_seq) || ',') WHERE id IN ('{ids[1]}', '{ids[2]}')
            """);

        var (exit, output, _) = Verify(table);

        Assert.Equal(1, exit);
        Assert.Equal(
            "broken: reordered: " + table + " id " + ids[2] + " (decision " + ids[2] + "): record 2 of writer test-writer does not follow " + table + " id " + ids[0] + " (decision " + ids[0] + "); "
                + table + " id " + ids[1] + " (decision " + ids[1] + ") (record 3 of writer test-writer) does: reordered" + Environment.NewLine,
            output);
    }

    private static async Task<(string Table, string[] Ids)> Record(int count, string? schema = null)
    {
        await using var host = await RecordingHost.StartAsync(schema, writer: "test-writer");
        var ids = new List<string>();
        foreach (string query in Queries.Make(count, seed: 21))
        {
            ids.Add((await host.Powers.DecideAsync(query)).DecisionId);
        }

        return (host.Table, [.. ids]);
    }

    // powers replay --verify on the table, in process.
    private static (int Exit, string Out, string Error) Verify(string table)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = PowersCli.Run(["replay", "--connection", Postgres.Required, "--table", table, "--verify"], new CliConsole(output, error, new StringReader(string.Empty), ErrorIsTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }
}
