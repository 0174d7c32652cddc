namespace Powers.Text;

/// <summary>A span in a particular source text.</summary>
public readonly record struct Location(SourceText Source, TextSpan Span)
{
    /// <summary>The 1-based position of the span's start.</summary>
    public LinePosition Start => Source.GetLinePosition(Span.Start);

    /// <summary>The 1-based position of the span's end.</summary>
    public LinePosition End => Source.GetLinePosition(Span.End);

    /// <summary>The path of the file.</summary>
    public string Path => Source.Path;

    /// <summary><c>path(line,col)</c> of the start, as MSBuild and every editor print a place in a file.</summary>
    public override string ToString() => Path + Start;
}
