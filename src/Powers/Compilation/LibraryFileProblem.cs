using Powers.Diagnostics;

namespace Powers.Compilation;

/// <summary>Why an entry of a rules directory is not read (a FIFO, an unreadable folder, a link outside the root); reported at the entry.</summary>
/// <param name="Descriptor">The diagnostic to report; its message takes <paramref name="Detail"/> as its one argument.</param>
/// <param name="Detail">The argument of the message.</param>
public sealed record LibraryFileProblem(DiagnosticDescriptor Descriptor, string Detail);
