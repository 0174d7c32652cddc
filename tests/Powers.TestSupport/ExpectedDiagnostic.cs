namespace Powers.TestSupport;

/// <summary>What a test expects of a diagnostic: id, 1-based position, and optionally the squiggled text and message.</summary>
public sealed record ExpectedDiagnostic(string Id, string Path, int Line, int Column, string? Squiggle = null, string? Message = null);
