namespace Powers.Hosting.Reloading;

/// <summary>What one reload attempt did.</summary>
internal enum ReloadOutcome
{
    /// <summary>A new library was compiled and swapped in.</summary>
    Swapped,

    /// <summary>The files hash to the library in service; nothing was compiled.</summary>
    Unchanged,

    /// <summary>The files could not be read or have errors; the last good library stays in service.</summary>
    Failed,

    /// <summary>The files do not verify against their signature with a trusted key; the last good library stays in service.</summary>
    Rejected,

    /// <summary>The files changed while they were compiled; the result was thrown away and another attempt is due.</summary>
    Superseded,
}
