namespace Powers.Hosting;

/// <summary>What happened where a trail's chain breaks.</summary>
internal enum TrailBreakKind
{
    /// <summary>A record (or a table column of it) was changed after it was written.</summary>
    Edited,

    /// <summary>Records are missing.</summary>
    Deleted,

    /// <summary>A record or line that the writer did not write is there.</summary>
    Inserted,

    /// <summary>Records are out of their order.</summary>
    Reordered,

    /// <summary>A signed checkpoint does not verify: forged, changed after it was signed, or signed by a key not trusted.</summary>
    Checkpoint,
}
