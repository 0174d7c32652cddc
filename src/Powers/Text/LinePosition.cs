using System.Globalization;

namespace Powers.Text;

/// <summary>A 1-based line and column, as MSBuild, SARIF and every editor print them.</summary>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <summary><c>(line,col)</c>: the one way a position is printed, in messages and after a path.</summary>
    public override string ToString() =>
        "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Column.ToString(CultureInfo.InvariantCulture) + ")";
}
