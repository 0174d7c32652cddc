namespace Powers.Hosting;

/// <summary>The first place a trail's chain breaks: what happened, to which record (its place, decision id and line), in words.</summary>
internal sealed class TrailBreak(TrailBreakKind kind, StoredDecisionRecord stored, string? id, string message)
{
    public TrailBreakKind Kind { get; } = kind;

    /// <summary>Where the bad record is: <c>FILE(LINE)</c> or a table row.</summary>
    public string Where { get; } = stored.Where;

    /// <summary>Its line in a file, or null.</summary>
    public long? Line { get; } = stored.Line;

    /// <summary>Its decision id, when it has one.</summary>
    public string? Id { get; } = id;

    /// <summary>What is wrong, in words.</summary>
    public string Message { get; } = message;

    /// <summary>The kind in the report's words: <c>edited</c>, <c>deleted</c>, <c>inserted</c>, <c>reordered</c>, <c>checkpoint</c>.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
