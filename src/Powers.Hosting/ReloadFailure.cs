using Powers.Diagnostics;

namespace Powers.Hosting;

/// <summary>Why the last reload of the rule library failed; the last good library stays in service.</summary>
/// <param name="At">When the reload failed.</param>
/// <param name="Sha256">The hash of the files that failed, or null when they could not be read.</param>
/// <param name="Message">A one-line summary: the first error and how many there were.</param>
/// <param name="Diagnostics">Every diagnostic of the failed compilation (empty when the files could not be read).</param>
public sealed record ReloadFailure(DateTimeOffset At, string? Sha256, string Message, IReadOnlyList<Diagnostic> Diagnostics);
