using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Records each decision as one row in PostgreSQL. The deciding thread builds the row and waits; one writer
/// thread takes every record waiting (up to <see cref="PostgreSqlRecordsOptions.MaxBatchSize"/>) and stores
/// them with one binary <c>COPY</c>, which commits as one statement (group commit). Each waiting decision is
/// then told that its record is stored, or, when the batch fails (server down, table read-only, timeout), that
/// it is not, and that decision is not returned. A failed batch drops its connection, so the next batch
/// reconnects: when the server comes back, recording resumes by itself.
/// </summary>
public sealed class PostgreSqlDecisionRecordSink : IDecisionRecordSink, IDisposable
{
    private const string Columns = "id, decided_at, ruleset_id, ruleset_version, ruleset_revision, ruleset_sha256, library_sha256, query_date, designation, designation_force, designation_powers, facts, outcomes, decision";

    private readonly PostgreSqlRecordsOptions _options;
    private readonly ILogger _logger;
    private readonly PostgreSqlSchema _schema;
    private readonly BlockingCollection<PendingRecord> _queue = new();
    private readonly Lock _gate = new();
    private NpgsqlDataSource? _dataSource;
    private NpgsqlConnection? _connection;
    private Thread? _writer;
    private bool _disposed;

    /// <summary>Creates the sink; nothing is opened until <see cref="Open"/>.</summary>
    public PostgreSqlDecisionRecordSink(IOptions<PostgreSqlRecordsOptions> options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (ILogger?)loggerFactory?.CreateLogger<PostgreSqlDecisionRecordSink>() ?? NullLogger.Instance;
        _schema = new PostgreSqlSchema(_options.Schema, _options.Table);
    }

    /// <inheritdoc />
    public string Name => "PostgreSQL " + _options.Schema + "." + _options.Table;

    /// <summary>Connects, creates or migrates the table, and starts the writer; throws when the database cannot be reached or migrated.</summary>
    public void Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return;
            }

            var builder = new NpgsqlDataSourceBuilder(_options.ConnectionString);
            _dataSource = builder.Build();
            using (var connection = _dataSource.OpenConnection())
            {
                int applied = _schema.Migrate(connection);
                PostgreSqlLog.SchemaReady(_logger, _schema.Table, _schema.Version, applied);
            }

            _writer = new Thread(WriteLoop) { IsBackground = true, Name = "Powers PostgreSQL records" };
            _writer.Start();
        }
    }

    /// <inheritdoc />
    public DecisionRecordWriteResult Write(DecisionRecord record)
    {
        var pending = Enqueue(record, out var refused);
        if (pending is null)
        {
            return refused!;
        }

        return pending.Stored.Wait(_options.WriteTimeout) ? pending.Stored.Result : TimedOut();
    }

    /// <summary>Queues the record for the writer's next batch and awaits the batch, without holding the caller's thread.</summary>
    public async ValueTask<DecisionRecordWriteResult> WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = Enqueue(record, out var refused);
        if (pending is null)
        {
            return refused!;
        }

        try
        {
            return await pending.Stored.WaitAsync(_options.WriteTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return TimedOut();
        }
    }

    private PendingRecord? Enqueue(DecisionRecord record, out DecisionRecordWriteResult? refused)
    {
        ArgumentNullException.ThrowIfNull(record);
        refused = null;
        if (_writer is null)
        {
            refused = DecisionRecordWriteResult.NotRecorded("the PostgreSQL sink is not open");
            return null;
        }

        var pending = new PendingRecord(PostgreSqlRecordRow.From(record));
        try
        {
            _queue.Add(pending);
        }
        catch (InvalidOperationException)
        {
            refused = DecisionRecordWriteResult.NotRecorded("the PostgreSQL sink is shut down");
            return null;
        }

        return pending;
    }

    private DecisionRecordWriteResult TimedOut() =>
        DecisionRecordWriteResult.NotRecorded($"PostgreSQL did not store the record within {_options.WriteTimeout.TotalSeconds:0.###} s");

    /// <summary>Stops taking records, lets the writer store what is queued (for at most the write timeout), and closes the connection. Never throws.</summary>
    public void Dispose()
    {
        Thread? writer;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            writer = _writer;
            _queue.CompleteAdding();
        }

        try
        {
            writer?.Join(_options.WriteTimeout);
            while (_queue.TryTake(out var left))
            {
                left.Complete(DecisionRecordWriteResult.NotRecorded("the PostgreSQL sink is shut down"));
            }

            _connection?.Dispose();
            _dataSource?.Dispose();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            PostgreSqlLog.DisposeFailed(_logger, e);
        }
    }

    private void WriteLoop()
    {
        var batch = new List<PendingRecord>(_options.MaxBatchSize);
        try
        {
            foreach (var first in _queue.GetConsumingEnumerable())
            {
                batch.Add(first);
                while (batch.Count < _options.MaxBatchSize && _queue.TryTake(out var next))
                {
                    batch.Add(next);
                }

                var result = Store(batch);
                foreach (var pending in batch)
                {
                    pending.Complete(result);
                }

                batch.Clear();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unreachable in practice (Store catches); fail whatever is waiting rather than leave it hanging.
            PostgreSqlLog.WriterCrashed(_logger, e);
            foreach (var pending in batch)
            {
                pending.Complete(DecisionRecordWriteResult.NotRecorded("the PostgreSQL writer stopped: " + e.Message, e));
            }
        }
    }

    private DecisionRecordWriteResult Store(List<PendingRecord> batch)
    {
        try
        {
            var connection = _connection ??= _dataSource!.OpenConnection();
            using (var import = connection.BeginBinaryImport($"COPY {_schema.Table} ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                import.Timeout = _options.WriteTimeout;
                foreach (var pending in batch)
                {
                    WriteRow(import, pending.Row);
                }

                import.Complete();
            }

            return DecisionRecordWriteResult.Recorded;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or IOException or TimeoutException)
        {
            // The connection may be broken (server stopped) or mid-COPY; start the next batch on a fresh one.
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

            string reason = "PostgreSQL: " + (e is PostgresException p ? p.SqlState + ": " + p.MessageText : e.Message);
            PostgreSqlLog.BatchFailed(_logger, e, batch.Count, reason);
            return DecisionRecordWriteResult.NotRecorded(reason, e);
        }
    }

    private static void WriteRow(NpgsqlBinaryImporter import, PostgreSqlRecordRow row)
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
        import.Write(row.Decision, NpgsqlDbType.Jsonb);
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
