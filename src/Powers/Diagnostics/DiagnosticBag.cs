using Powers.Text;

namespace Powers.Diagnostics;

/// <summary>Collects diagnostics while a stage runs; stages report and go on rather than throw.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>The number of diagnostics so far.</summary>
    public int Count => _items.Count;

    /// <summary>Whether any error has been reported.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>Adds a diagnostic.</summary>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        _items.Add(diagnostic);
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
    }

    /// <summary>Adds every diagnostic of a sequence.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        foreach (var d in diagnostics)
        {
            Add(d);
        }
    }

    /// <summary>Reports a diagnostic at a span of a source.</summary>
    public void Report(DiagnosticDescriptor descriptor, SourceText? source, TextSpan span, params object?[] args)
        => Add(Diagnostic.Create(descriptor, source is null ? null : new Location(source, span), args));

    /// <summary>The error reported earliest in the file at <paramref name="path"/> by position; null when it has none.</summary>
    public Diagnostic? FirstError(string path) =>
        _items.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location is { } l && l.Path == path).MinBy(d => d.Location!.Value.Span.Start);

    /// <summary>The diagnostics in a stable order: by path, then position, then id.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList()
    {
        var copy = _items.ToArray();
        Array.Sort(copy, DiagnosticComparer.Instance);
        return copy;
    }
}
