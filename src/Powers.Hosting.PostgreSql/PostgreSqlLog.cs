using Microsoft.Extensions.Logging;

namespace Powers.Hosting.PostgreSql;

/// <summary>Log messages of the PostgreSQL sink, event ids 1200-1209 (docs/embedding.md).</summary>
internal static partial class PostgreSqlLog
{
    [LoggerMessage(EventId = 1200, EventName = "PostgreSqlRecordsReady", Level = LogLevel.Information,
        Message = "Decision records go to PostgreSQL table {Table} (schema version {Version}, {Applied} migrations applied now)")]
    public static partial void SchemaReady(ILogger logger, string table, int version, int applied);

    [LoggerMessage(EventId = 1201, EventName = "PostgreSqlBatchFailed", Level = LogLevel.Error,
        Message = "A batch of {Count} decision records could not be stored, so those decisions are refused: {Reason}")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int count, string reason);

    [LoggerMessage(EventId = 1202, EventName = "PostgreSqlWriterCrashed", Level = LogLevel.Critical,
        Message = "The PostgreSQL record writer stopped; every decision is refused until restart")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1203, EventName = "PostgreSqlCloseFailed", Level = LogLevel.Warning,
        Message = "Closing a PostgreSQL connection failed")]
    public static partial void DisposeFailed(ILogger logger, Exception exception);
}
