using Powers.Diagnostics;

namespace Powers.Compilation;

/// <summary>Why an entry of a rules directory is not read (a FIFO, an unreadable folder, a link outside the root); reported at the entry.</summary>
public sealed class LibraryFileProblem
{
    internal LibraryFileProblem(DiagnosticDescriptor descriptor, string detail)
    {
        Descriptor = descriptor;
        Detail = detail;
    }

    /// <summary>The diagnostic to report; its message takes <see cref="Detail"/> as its one argument.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The argument of the message.</summary>
    public string Detail { get; }
}
