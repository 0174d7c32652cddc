using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit.Abstractions;

using Powers.Model;

namespace Powers.Hosting.PostgreSql.Tests;

[Collection(PostgresServer.Name)]
public sealed class PostgreSqlDecisionRecordSinkTests(ITestOutputHelper output)
{
    [PostgresFact]
    public void Open_EmptyDatabase_CreatesTheTableAndTheAuditIndexesOnce()
    {
        string schema = Postgres.NewSchema();
        using (var sink = NewSink(schema))
        {
            sink.Open();
        }

        using (var again = NewSink(schema))
        {
            again.Open();
        }

        Assert.Equal(5, Postgres.Scalar<long>($"SELECT count(*) FROM {schema}.decisions_migrations"));
        Assert.Equal(5, Postgres.Scalar<int>($"SELECT max(version) FROM {schema}.decisions_migrations"));
        Assert.Equal("toast_tuple_target=8160", Postgres.Scalar<string>($"SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '{schema}.decisions'::regclass"));
        Assert.Equal(
            "facts l, outcomes l, record l",
            Postgres.Scalar<string>($"SELECT string_agg(attname || ' ' || attcompression::text, ', ' ORDER BY attname) FROM pg_attribute WHERE attrelid = '{schema}.decisions'::regclass AND attname IN ('record', 'facts', 'outcomes')"));
        Assert.Equal(
            "chain_writer text, chain_seq bigint, checkpoint text, stored_at timestamp with time zone",
            Postgres.Scalar<string>($"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'decisions_checkpoints'"));
        Assert.Equal(
            "id uuid, decided_at timestamp with time zone, ruleset_id text, ruleset_version text, ruleset_revision integer, ruleset_sha256 text, library_sha256 text, query_date date, designation text, designation_force text, designation_powers ARRAY, facts jsonb, outcomes jsonb, decision jsonb, record text, chain_writer text, chain_seq bigint",
            Postgres.Scalar<string>($"SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_schema = '{schema}' AND table_name = 'decisions'"));
        Assert.Equal(
            "decisions_chain (chain_writer, chain_seq); decisions_decided_at (decided_at); decisions_designation (designation, decided_at); decisions_library_sha256 (library_sha256, decided_at); decisions_outcomes gin (outcomes jsonb_path_ops); decisions_pkey (id); decisions_ruleset_sha256 (ruleset_sha256, decided_at)",
            Postgres.Scalar<string>($"SELECT string_agg(indexname || ' ' || regexp_replace(indexdef, '^.* USING (btree )?', ''), '; ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '{schema}' AND tablename = 'decisions'"));
    }

    [PostgresFact]
    public async Task DecideAsync_ThousandAwaitingCallers_EachAnswerHasItsRow()
    {
        string[] queries = Queries.Make(1_000, seed: 2017);
        await using var host = await RecordingHost.StartAsync();

        // All callers await at once: no thread is held while their records wait for a batch.
        var answers = await Task.WhenAll(queries.Select(q => host.Powers.DecideAsync(q)));

        Assert.All(answers, a => Assert.True(a.Succeeded, string.Join("; ", a.Errors)));
        var rows = ReadRows(host.Table);
        Assert.Equal(answers.Select(a => Guid.Parse(a.DecisionId)).Order(), rows.Keys.Order());
    }

    [PostgresFact]
    public async Task Decide_TenThousandDecisions_ReadBackEqual()
    {
        string[] queries = Queries.Make(10_000, seed: 2002);
        await using var host = await RecordingHost.StartAsync();
        var answers = new PowersAnswer[queries.Length];

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Postgres.Concurrently(queries.Length, threads: 32, i => answers[i] = host.Powers.Decide(queries[i]));
        output.WriteLine($"{queries.Length} decisions recorded in {clock.Elapsed.TotalSeconds:F1} s from 32 threads");

        Assert.All(answers, a => Assert.True(a.Succeeded, string.Join("; ", a.Errors)));
        var rows = ReadRows(host.Table);
        Assert.Equal(queries.Length, rows.Count);
        for (int i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            var row = rows[Guid.Parse(answer.DecisionId)];
            var decision = answer.Decision!;
            Assert.Equal(answer.Time.UtcDateTime.Ticks / 10, row.DecidedAt.Ticks / 10);
            Assert.Equal(decision.Version?.Family, row.RuleSetId);
            Assert.Equal(decision.Version?.Version, row.RuleSetVersion);
            Assert.Equal(decision.Version?.Revision, row.RuleSetRevision);
            Assert.Equal(decision.Version?.Sha256, row.RuleSetSha256);
            Assert.Equal(answer.Snapshot.Sha256, row.LibrarySha256);
            Assert.Equal(decision.Date, row.QueryDate);
            Assert.Equal(decision.Designation.Id, row.Designation);
            Assert.Equal(decision.Designation.Force, row.Force);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(queries[i])!["facts"], JsonNode.Parse(row.Facts)), queries[i] + " facts: " + row.Facts);
            var outcomes = JsonNode.Parse(row.Outcomes)!.AsObject();
            Assert.Equal(decision.Powers.Count, outcomes.Count);
            foreach (var power in decision.Powers)
            {
                Assert.Equal(Powers.Model.OutcomeNames.Name(power.Outcome), (string?)outcomes[power.Power]!["outcome"]);
                Assert.Equal(power.Confidence == Powers.Model.Confidence.Low ? "low" : "high", (string?)outcomes[power.Power]!["confidence"]);
            }

            // The row keeps the record (the query as given, chained), not the decision document.
            Assert.Null(row.Decision);
            var record = JsonNode.Parse(row.Record!)!;
            Assert.Equal(answer.DecisionId, (string?)record["decisionId"]);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(queries[i]), record["query"]), queries[i] + " query: " + record["query"]);
        }
    }

    [PostgresFact]
    public async Task Decide_ServerStoppedMidLoad_NoAcknowledgedDecisionLostUnhealthyThenRecovers()
    {
        string[] queries = Queries.Make(256, seed: 47);
        await using var host = await RecordingHost.StartAsync(maxBatchSize: 64);
        var acknowledged = new ConcurrentQueue<string>();
        int refused = 0;
        int stop = 0;
        void Load(int worker)
        {
            for (int i = worker; Volatile.Read(ref stop) == 0; i++)
            {
                try
                {
                    acknowledged.Enqueue(host.Powers.Decide(queries[i % queries.Length]).DecisionId);
                }
                catch (DecisionNotRecordedException)
                {
                    Interlocked.Increment(ref refused);
                    Thread.Sleep(5);
                }
            }
        }

        var workers = Enumerable.Range(0, 4).Select(w => Task.Factory.StartNew(() => Load(w), TaskCreationOptions.LongRunning)).ToArray();
        HealthStatus whileDown;
        HealthStatus afterRestart;
        bool resumed;
        bool down = false;
        try
        {
            Assert.True(SpinWait.SpinUntil(() => acknowledged.Count >= 500, TimeSpan.FromSeconds(30)), "the load did not start");
            Postgres.Run("POWERS_TEST_POSTGRES_STOP");
            down = true;
            Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref refused) >= 20, TimeSpan.FromSeconds(30)), "decisions were not refused while the server was down");
            whileDown = await host.HealthAsync();
            int acknowledgedWhileDown = acknowledged.Count;
            Postgres.Run("POWERS_TEST_POSTGRES_START");
            down = false;
            resumed = SpinWait.SpinUntil(() => acknowledged.Count > acknowledgedWhileDown + 200, TimeSpan.FromSeconds(30));
            afterRestart = await host.HealthAsync();
        }
        finally
        {
            // Never leave the server down for the next test, nor the load running.
            if (down)
            {
                Postgres.Run("POWERS_TEST_POSTGRES_START");
            }

            Volatile.Write(ref stop, 1);
            await Task.WhenAll(workers);
            // The restart closed every connection this process had pooled (earlier tests' too); the reads below and
            // the tests after this one would each meet a dead one first.
            NpgsqlConnection.ClearAllPools();
        }

        Assert.Equal(HealthStatus.Unhealthy, whileDown);
        Assert.True(resumed, "recording did not resume after the server came back");
        Assert.Equal(HealthStatus.Healthy, afterRestart);
        var stored = ReadRows(host.Table).Keys.ToHashSet();
        var lost = acknowledged.Where(id => !stored.Contains(Guid.Parse(id))).ToArray();
        output.WriteLine($"{acknowledged.Count} acknowledged, {refused} refused, {stored.Count} rows, {lost.Length} acknowledged but not stored");
        Assert.Empty(lost);
        // Batches failed whole or were committed whole while the server went away; the chain continues from what the table holds.
        var verify = new StringWriter();
        var verifyError = new StringWriter();
        int verified = Powers.Cli.PowersCli.Run(["replay", "--connection", Postgres.Required, "--table", host.Table, "--verify"], new Powers.Cli.CliConsole(verify, verifyError, new StringReader(string.Empty), ErrorIsTerminal: false));
        Assert.True(verified == 0, verify + verifyError.ToString());
    }

    [PostgresFact]
    public async Task Decide_TableMadeReadOnly_RefusesTheDecisionAndTurnsUnhealthy()
    {
        string schema = Postgres.NewSchema();
        string role = "powers_" + schema;
        using (var sink = NewSink(schema))
        {
            sink.Open();
        }

        Postgres.Execute($"CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA {schema} TO {role}; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA {schema} TO {role}");
        try
        {
            var asRole = new NpgsqlConnectionStringBuilder(Postgres.Required) { Username = role }.ConnectionString;
            await using var host = await RecordingHost.StartAsync(schema, asRole);
            string query = Queries.Make(1, seed: 1)[0];
            var before = host.Powers.Decide(query);

            Postgres.Execute($"REVOKE INSERT ON {schema}.decisions FROM {role}");
            var refused = Assert.Throws<DecisionNotRecordedException>(() => host.Powers.Decide(query));
            var health = await host.HealthAsync();

            Assert.True(before.Succeeded);
            Assert.Contains("42501", refused.Message, StringComparison.Ordinal);
            Assert.Equal(HealthStatus.Unhealthy, health);
            Assert.Equal(1, Postgres.Scalar<long>($"SELECT count(*) FROM {schema}.decisions"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            Postgres.Execute($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    private static PostgreSqlDecisionRecordSink NewSink(string schema) =>
        new(Options.Create(new PostgreSqlRecordsOptions { ConnectionString = Postgres.Required, Schema = schema }));

    private static Dictionary<Guid, Row> ReadRows(string table)
    {
        using var connection = Postgres.Connect();
        using var command = new NpgsqlCommand($"SELECT id, decided_at, ruleset_id, ruleset_version, ruleset_revision, ruleset_sha256, library_sha256, query_date, designation, designation_force, facts::text, outcomes::text, decision::text, record FROM {table}", connection);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<Guid, Row>();
        while (reader.Read())
        {
            rows.Add(reader.GetGuid(0), new Row(
                reader.GetFieldValue<DateTime>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10),
                reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13)));
        }

        return rows;
    }

    private sealed record Row(DateTime DecidedAt, string? RuleSetId, string? RuleSetVersion, int? RuleSetRevision, string? RuleSetSha256, string LibrarySha256, DateOnly? QueryDate, string? Designation, string Force, string Facts, string Outcomes, string? Decision, string? Record);
}
