namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Options of the PostgreSQL decision record sink, bound from the <c>Powers:PostgreSql</c> configuration section
/// (<see cref="SectionName"/>) and validated when the host starts.
/// </summary>
/// <example>
/// <code language="json">
/// { "Powers": { "RecordDecisions": true, "PostgreSql": { "ConnectionString": "Host=127.0.0.1;Username=powers;Database=powers" } } }
/// </code>
/// </example>
public sealed class PostgreSqlRecordsOptions
{
    /// <summary>The configuration section the options are bound from: <c>Powers:PostgreSql</c>.</summary>
    public const string SectionName = "Powers:PostgreSql";

    /// <summary>An Npgsql connection string. Required.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The schema holding the table, created when absent. Default <c>powers</c>.</summary>
    public string Schema { get; set; } = "powers";

    /// <summary>The table, one row per decision, created or migrated at start. Default <c>decisions</c>.</summary>
    public string Table { get; set; } = "decisions";

    /// <summary>The most records written in one batch (one <c>COPY</c>). Default 512.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// This host's writer id: each writer's records form one chain in the table (docs/embedding.md, "A
    /// tamper-evident trail"), continued across restarts from its last stored record. 1 to 100 of letters, digits
    /// and <c>. _ - : @</c>, starting with a letter or digit. Default: the machine name (other characters replaced
    /// by <c>-</c>). Hosts writing to one table need ids of their own; two with the same id cannot fork the chain
    /// (a sequence number is stored once), but their batches would fail each other's.
    /// </summary>
    public string? Writer { get; set; }

    /// <summary>
    /// How long a decision waits for its batch to be stored before it is refused as not recorded. Default 10 s.
    /// A record refused this way may still be stored later; a decision is never returned without its record.
    /// </summary>
    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A PEM private key (P-256, as <c>powers sign</c> takes), relative to the content root, with which this writer's
    /// chain head is signed now and then: a checkpoint (writer, sequence number, SHA-256 of the last record) stored in
    /// <c>TABLE_checkpoints</c> every <see cref="CheckpointEvery"/> records, every <see cref="CheckpointInterval"/> when
    /// any was written, and when the host stops. <c>powers replay --connection CS --verify --trusted-key PUB.pem</c> then
    /// finds records cut from the end up to the last checkpoint, a table rewritten with every link recomputed, and a
    /// checkpoint deleted from before another. Null or empty (the default): no checkpoints.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>With <see cref="SigningKey"/>: a checkpoint after this many records at most. Default 1,000.</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>With <see cref="SigningKey"/>: a checkpoint at least this often while records are written. Default five minutes.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The machine name as a writer id.</summary>
    internal static string DefaultWriter
    {
        get
        {
            var id = new System.Text.StringBuilder();
            foreach (char c in Environment.MachineName)
            {
                if (id.Length < 96)
                {
                    id.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or '@' ? c : '-');
                }
            }

            return id.Length > 0 && char.IsAsciiLetterOrDigit(id[0]) ? id.ToString() : "host" + id;
        }
    }
}
