namespace Powers.Text;

/// <summary>A 1-based line and column, as MSBuild, SARIF and every editor print them.</summary>
public readonly record struct LinePosition(int Line, int Column);
