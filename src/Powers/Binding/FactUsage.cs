namespace Powers.Binding;

/// <summary>Which facts a bound expression reads, as a bit mask over fact indices.</summary>
internal static class FactUsage
{
    /// <summary>The mask of facts read by an expression.</summary>
    public static ulong Mask(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ulong mask = 0;
        foreach (var node in BoundNodes.DescendantsAndSelf(expression))
        {
            if (node is BoundFact f)
            {
                mask |= 1UL << f.Fact.Index;
            }
        }

        return mask;
    }
}
