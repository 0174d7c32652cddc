using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Records each decision as one row in PostgreSQL, chained (docs/embedding.md, "A tamper-evident trail"). The
/// deciding thread builds the row's columns; the writer thread of <see cref="BatchingDecisionRecordSink"/> links
/// every record waiting (up to <see cref="PostgreSqlRecordsOptions.MaxBatchSize"/>) into this writer's chain and
/// stores them with one binary <c>COPY</c>, which commits as one statement (group commit). Each waiting decision is
/// then told that its record is stored, or, when the batch fails (server down, table read-only, timeout), that it
/// is not, and that decision is not returned. A failed batch drops its connection, and the next batch reads the
/// chain's head from the table again, so recording resumes by itself when the server comes back and the chain
/// continues from what the table holds. A row keeps the record (query as given, outcomes, confidences, hashes,
/// link), not the decision document: <c>powers replay --id</c> re-decides that.
/// </summary>
public sealed class PostgreSqlDecisionRecordSink : BatchingDecisionRecordSink
{
    private const string Columns = "id, decided_at, ruleset_id, ruleset_version, ruleset_revision, ruleset_sha256, library_sha256, query_date, designation, designation_force, designation_powers, facts, outcomes, record, chain_writer, chain_seq";

    private readonly PostgreSqlRecordsOptions _options;
    private readonly ILogger _logger;
    private readonly PostgreSqlSchema _schema;
    private readonly string _writer;
    private NpgsqlDataSource? _dataSource;
    private NpgsqlConnection? _connection;

    /// <summary>Creates the sink; nothing is opened until <see cref="BatchingDecisionRecordSink.Open"/> or the first record.</summary>
    public PostgreSqlDecisionRecordSink(IOptions<PostgreSqlRecordsOptions> options, ILoggerFactory? loggerFactory = null)
        : base(Check(options).Value.MaxBatchSize, options.Value.WriteTimeout)
    {
        _options = options.Value;
        _logger = (ILogger?)loggerFactory?.CreateLogger<PostgreSqlDecisionRecordSink>() ?? NullLogger.Instance;
        _schema = new PostgreSqlSchema(_options.Schema, _options.Table);
        _writer = _options.Writer is { Length: > 0 } writer ? writer : PostgreSqlRecordsOptions.DefaultWriter;
        if (!PostgreSqlRecordsOptionsValidator.IsWriterId(_writer))
        {
            // Options made in code skip the validator; the id goes into every record as it is.
            throw new ArgumentException("Powers:PostgreSql:Writer: '" + _writer + "' is not a writer id (1 to 100 of letters, digits and . _ - : @, starting with a letter or digit).", nameof(options));
        }
    }

    /// <inheritdoc />
    public override string Name => "PostgreSQL " + _options.Schema + "." + _options.Table;

    /// <inheritdoc />
    protected override RecordChainHead OpenStorage()
    {
        _dataSource ??= new NpgsqlDataSourceBuilder(_options.ConnectionString).Build();
        var connection = Connection();
        int applied = _schema.Migrate(connection);
        PostgreSqlLog.SchemaReady(_logger, _schema.Table, _schema.Version, applied);
        return Head(connection);
    }

    /// <inheritdoc />
    protected override RecordChainHead ReadChainHead()
    {
        try
        {
            return Head(Connection());
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            Drop();
            throw new InvalidOperationException(Reason(e), e);
        }
    }

    /// <inheritdoc />
    protected override object? Prepare(DecisionRecord record) => PostgreSqlRecordRow.From(record);

    /// <inheritdoc />
    protected override DecisionRecordWriteResult Store(IReadOnlyList<ChainedRecord> batch)
    {
        try
        {
            var connection = Connection();
            using (var import = connection.BeginBinaryImport($"COPY {_schema.Table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                import.Timeout = _options.WriteTimeout;
                foreach (var record in batch)
                {
                    WriteRow(import, (PostgreSqlRecordRow)record.Prepared!, record);
                }

                import.Complete();
            }

            return DecisionRecordWriteResult.Recorded;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            // The connection may be broken (server stopped) or mid-COPY; the next batch starts on a fresh one.
            Drop();
            string reason = Reason(e);
            PostgreSqlLog.BatchFailed(_logger, e, batch.Count, reason);
            return DecisionRecordWriteResult.NotRecorded(reason, e);
        }
    }

    /// <inheritdoc />
    protected override void WriterStopped(Exception exception) => PostgreSqlLog.WriterCrashed(_logger, exception);

    /// <inheritdoc />
    protected override void CloseStorage()
    {
        try
        {
            _connection?.Dispose();
            _dataSource?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            PostgreSqlLog.DisposeFailed(_logger, e);
        }
    }

    private static IOptions<PostgreSqlRecordsOptions> Check(IOptions<PostgreSqlRecordsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options;
    }

    private NpgsqlConnection Connection() => _connection ??= _dataSource!.OpenConnection();

    /// <summary>Where this writer's chain stands in the table: its last record, or a new chain.</summary>
    private RecordChainHead Head(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT chain_seq, record FROM {_schema.Table} WHERE chain_writer = @writer ORDER BY chain_seq DESC LIMIT 1", connection);
        command.Parameters.AddWithValue("writer", _writer);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new RecordChainHead(_writer, reader.GetInt64(0), RecordChainHead.LinkTo(reader.GetString(1)))
            : new RecordChainHead(_writer, 0, RecordChainHead.Start);
    }

    private void Drop()
    {
        var broken = _connection;
        _connection = null;
        try
        {
            broken?.Dispose();
        }
        catch (Exception closing) when (closing is not OutOfMemoryException)
        {
            PostgreSqlLog.DisposeFailed(_logger, closing);
        }
    }

    private static string Reason(Exception e) => "PostgreSQL: " + (e is PostgresException p ? p.SqlState + ": " + p.MessageText : e.Message);

    private static void WriteRow(NpgsqlBinaryImporter import, PostgreSqlRecordRow row, ChainedRecord record)
    {
        import.StartRow();
        import.Write(row.Id, NpgsqlDbType.Uuid);
        import.Write(row.DecidedAt, NpgsqlDbType.TimestampTz);
        WriteText(import, row.Version?.Family);
        WriteText(import, row.Version?.Version);
        if (row.Version is { } version)
        {
            import.Write(version.Revision, NpgsqlDbType.Integer);
        }
        else
        {
            import.WriteNull();
        }

        WriteText(import, row.Version?.Sha256);
        import.Write(row.LibrarySha256, NpgsqlDbType.Text);
        if (row.QueryDate is { } date)
        {
            import.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            import.WriteNull();
        }

        WriteText(import, row.Designation.Id);
        import.Write(row.Designation.Force, NpgsqlDbType.Text);
        if (row.DesignationPowers is { } powers)
        {
            import.Write(powers, NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        else
        {
            import.WriteNull();
        }

        import.Write(row.Facts, NpgsqlDbType.Jsonb);
        import.Write(row.Outcomes, NpgsqlDbType.Jsonb);
        import.Write(System.Text.Encoding.UTF8.GetString(record.Json.Span), NpgsqlDbType.Text);
        import.Write(record.Writer, NpgsqlDbType.Text);
        import.Write(record.Sequence, NpgsqlDbType.Bigint);
    }

    private static void WriteText(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(value, NpgsqlDbType.Text);
        }
    }
}
