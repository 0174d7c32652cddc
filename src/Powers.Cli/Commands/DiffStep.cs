using Powers.Analysis;

namespace Powers.Cli.Commands;

/// <summary>One comparison of <c>powers diff</c>: two versions by name and the changes between them.</summary>
internal sealed record DiffStep(string From, string To, IReadOnlyList<OutcomeChange> Changes);
