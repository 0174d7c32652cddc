namespace Powers.Hosting;

/// <summary>What checking a trail found: the records in chains, those written before chaining, notes (crashes), each writer's last record, and the first break.</summary>
internal sealed class TrailReport
{
    /// <summary>Records checked in their chains.</summary>
    public long Records { get; set; }

    /// <summary>Records whose signed checkpoint matched them.</summary>
    public long Checkpoints { get; set; }

    /// <summary>Records written before records were chained (older records): in a file, covered by the first link; in a table, not checked.</summary>
    public long Unchained { get; set; }

    /// <summary>What is not tampering but worth saying: lines cut short by a crash.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Each writer's last record, in the order read.</summary>
    public List<TrailHead> Heads { get; } = [];

    /// <summary>The first break, or null when the chain is whole.</summary>
    public TrailBreak? Break { get; set; }

    /// <summary>Why the trail could not be checked against a signature (no signed checkpoints to check it by), or null.</summary>
    public string? Unverified { get; set; }
}
