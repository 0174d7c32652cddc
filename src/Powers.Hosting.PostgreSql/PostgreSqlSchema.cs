using Npgsql;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// The table of decision records and its migrations. Each migration runs once, in order, in one transaction
/// under an advisory lock, so that hosts starting together do not race; the applied versions are kept in
/// <c>TABLE_migrations</c>. When every migration is applied, start-up only reads that table, so the sink can run
/// under a role that may insert but not create.
/// </summary>
internal sealed class PostgreSqlSchema(string schema, string table)
{
    /// <summary>The table's qualified, quoted name.</summary>
    public string Table { get; } = Quote(schema) + "." + Quote(table);

    /// <summary>The qualified, quoted name of the table of signed checkpoints, <c>TABLE_checkpoints</c>.</summary>
    public string Checkpoints { get; } = Quote(schema) + "." + Quote(table + "_checkpoints");

    private string Migrations => Quote(schema) + "." + Quote(table + "_migrations");

    /// <summary>Every migration, in order; version n is at index n - 1. Append only: never edit one that has shipped.</summary>
    private string[] All() =>
    [
        $"""
        CREATE SCHEMA IF NOT EXISTS {Quote(schema)};
        CREATE TABLE {Table} (
            id uuid PRIMARY KEY,
            decided_at timestamptz NOT NULL,
            ruleset_id text,
            ruleset_version text,
            ruleset_revision integer,
            ruleset_sha256 text,
            library_sha256 text NOT NULL,
            query_date date,
            designation text,
            designation_force text NOT NULL,
            designation_powers text[],
            facts jsonb NOT NULL,
            outcomes jsonb NOT NULL,
            decision jsonb NOT NULL
        );
        COMMENT ON TABLE {Table} IS 'Powers decision records: one row per decision returned (docs/embedding.md)';
        CREATE INDEX {Quote(table + "_decided_at")} ON {Table} (decided_at);
        CREATE INDEX {Quote(table + "_designation")} ON {Table} (designation, decided_at);
        CREATE INDEX {Quote(table + "_ruleset_sha256")} ON {Table} (ruleset_sha256, decided_at);
        CREATE INDEX {Quote(table + "_library_sha256")} ON {Table} (library_sha256, decided_at);
        CREATE INDEX {Quote(table + "_outcomes")} ON {Table} USING gin (outcomes jsonb_path_ops);
        """,
        $"""
        ALTER TABLE {Table} ADD COLUMN record text, ADD COLUMN chain_writer text, ADD COLUMN chain_seq bigint, ALTER COLUMN decision DROP NOT NULL;
        CREATE UNIQUE INDEX {Quote(table + "_chain")} ON {Table} (chain_writer, chain_seq);
        COMMENT ON COLUMN {Table}.record IS 'the decision record as written, one line of JSON with its chain link (docs/embedding.md); null on rows written before schema version 2';
        COMMENT ON COLUMN {Table}.decision IS 'the decision document, on rows written before schema version 2 only: powers replay --id re-decides it from the record';
        """,
        $"""
        CREATE TABLE {Checkpoints} (
            chain_writer text NOT NULL,
            chain_seq bigint NOT NULL,
            checkpoint text NOT NULL,
            stored_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (chain_writer, chain_seq)
        );
        COMMENT ON TABLE {Checkpoints} IS 'signed checkpoints of each writer''s chain in {Table.Replace("'", "''", StringComparison.Ordinal)}: one compact JWS a row (docs/embedding.md, "Signed checkpoints")';
        """,
        // Compressing a row's three large values (the record text and the two jsonb columns, about 15 KB of text a
        // row, stored in about 5.5 KB) with pglz cost the server more CPU than any index; lz4 (PostgreSQL 14 and
        // later, when the server is built with it) about halves an insert's CPU for 13% more bytes. Only new rows
        // change; a server without lz4 keeps pglz.
        $"""
        DO $$
        BEGIN
            IF current_setting('server_version_num')::integer >= 140000 THEN
                EXECUTE 'ALTER TABLE {Table.Replace("'", "''", StringComparison.Ordinal)} ALTER COLUMN record SET COMPRESSION lz4, ALTER COLUMN facts SET COMPRESSION lz4, ALTER COLUMN outcomes SET COMPRESSION lz4';
            END IF;
        EXCEPTION WHEN feature_not_supported THEN
            NULL;
        END
        $$;
        """,
        // A row is about 6.6 KB once compressed, over the default 2 KB target, so its largest values went out to the
        // TOAST table: a second heap insert and a TOAST index insert for each, about a seventh of an insert's CPU.
        // Up to a page's worth the compressed values now stay in the row; larger rows are moved out as before.
        $"""
        ALTER TABLE {Table} SET (toast_tuple_target = 8160);
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public int Version => All().Length;

    /// <summary>Creates or migrates the table; returns the migrations applied now.</summary>
    public int Migrate(NpgsqlConnection connection)
    {
        if (Applied(connection) >= Version)
        {
            return 0;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock(hashtext('powers.records:{schema}.{table}'))");
        Execute(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {Quote(schema)}; CREATE TABLE IF NOT EXISTS {Migrations} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        int applied;
        using (var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Migrations}", connection, transaction))
        {
            applied = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var all = All();
        for (int version = applied + 1; version <= all.Length; version++)
        {
            Execute(connection, transaction, all[version - 1]);
            Execute(connection, transaction, $"INSERT INTO {Migrations} (version) VALUES ({version})");
        }

        transaction.Commit();
        return all.Length - applied;
    }

    private int Applied(NpgsqlConnection connection)
    {
        using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("name", Migrations);
        if (exists.ExecuteScalar() is not true)
        {
            return 0;
        }

        using var read = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {Migrations}", connection);
        return Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static string Quote(string identifier) => "\"" + identifier + "\"";
}
