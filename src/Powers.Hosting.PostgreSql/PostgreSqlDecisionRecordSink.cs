using Microsoft.Extensions.Hosting;
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
/// link), not the decision document: <c>powers replay --id</c> re-decides that. With
/// <see cref="PostgreSqlRecordsOptions.SigningKey"/>, the chain's head is signed now and then into
/// <c>TABLE_checkpoints</c> (docs/embedding.md, "Signed checkpoints").
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
    // RS0027: this shipped constructor keeps its optional parameter for the hosts that call it; no call can mean both
    // (the other needs a third argument), and the container takes the other, longer one.
#pragma warning disable RS0027
    public PostgreSqlDecisionRecordSink(IOptions<PostgreSqlRecordsOptions> options, ILoggerFactory? loggerFactory = null)
#pragma warning restore RS0027
        : this(options, loggerFactory, null)
    {
    }

    /// <summary>
    /// Creates the sink as the host's container does (<paramref name="services"/> may be null): checkpoints (when <see cref="PostgreSqlRecordsOptions.SigningKey"/>
    /// is set) are signed on the <see cref="TimeProvider"/> of <paramref name="services"/> (else the system clock), the
    /// key's path taken from its <see cref="IHostEnvironment"/>'s content root (else the current directory).
    /// </summary>
    public PostgreSqlDecisionRecordSink(IOptions<PostgreSqlRecordsOptions> options, ILoggerFactory? loggerFactory, IServiceProvider? services)
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

        if (!string.IsNullOrWhiteSpace(_options.SigningKey))
        {
            // The options were validated at start, so the key reads; the sink owns it from here.
            var environment = (IHostEnvironment?)services?.GetService(typeof(IHostEnvironment));
            SignCheckpoints(new RecordCheckpointSigner(
                RecordCheckpointSigner.ReadKey(PowersPaths.Resolve(_options.SigningKey, environment)),
                _options.CheckpointEvery,
                _options.CheckpointInterval,
                (TimeProvider?)services?.GetService(typeof(TimeProvider)) ?? TimeProvider.System));
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
    protected override object? Prepare(DecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] body = DecisionRecordJson.SerializeBody(record, out var facts);
        return PostgreSqlRecordRow.From(record, body, facts);
    }

    /// <inheritdoc />
    private protected override object? PrepareSerialized(DecisionRecord record, byte[] body, Range facts) => PostgreSqlRecordRow.From(record, body, facts);

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

    /// <summary>
    /// Stores a checkpoint as a row of <c>TABLE_checkpoints</c>. One already there for the same record (a retry after
    /// a commit whose answer was lost) is kept: both sign the same record.
    /// </summary>
    private protected override void StoreCheckpoint(RecordCheckpoint checkpoint, byte[] line)
    {
        try
        {
            using var command = new NpgsqlCommand($"INSERT INTO {_schema.Checkpoints} (chain_writer, chain_seq, checkpoint) VALUES (@writer, @seq, @checkpoint) ON CONFLICT DO NOTHING", Connection());
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(_options.WriteTimeout.TotalSeconds));
            command.Parameters.AddWithValue("writer", checkpoint.Writer);
            command.Parameters.AddWithValue("seq", checkpoint.Sequence);
            command.Parameters.AddWithValue("checkpoint", System.Text.Encoding.ASCII.GetString(line).TrimEnd('\n'));
            command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            // The next batch starts on a fresh connection; the checkpoint is tried again after it.
            Drop();
            throw;
        }
    }

    /// <inheritdoc />
    private protected override long? LastCheckpoint(string writer)
    {
        try
        {
            using var command = new NpgsqlCommand($"SELECT max(chain_seq) FROM {_schema.Checkpoints} WHERE chain_writer = @writer", Connection());
            command.Parameters.AddWithValue("writer", writer);
            return command.ExecuteScalar() is long sequence ? sequence : null;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            Drop();
            throw;
        }
    }

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
        import.Write(record.Json, NpgsqlDbType.Text);
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
