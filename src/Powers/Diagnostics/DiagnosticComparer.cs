namespace Powers.Diagnostics;

/// <summary>Orders diagnostics by file, position and id, so output is stable from run to run.</summary>
internal sealed class DiagnosticComparer : IComparer<Diagnostic>
{
    public static readonly DiagnosticComparer Instance = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int c = string.CompareOrdinal(x.Location?.Path ?? "", y.Location?.Path ?? "");
        if (c != 0)
        {
            return c;
        }

        c = (x.Location?.Span.Start ?? -1).CompareTo(y.Location?.Span.Start ?? -1);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Id, y.Id);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }
}
