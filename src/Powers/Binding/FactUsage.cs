namespace Powers.Binding;

/// <summary>Which facts a bound expression reads, as a bit mask over fact indices.</summary>
internal static class FactUsage
{
    /// <summary>The mask of facts read by an expression.</summary>
    public static UInt128 Mask(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        UInt128 mask = UInt128.Zero;
        foreach (var node in BoundNodes.DescendantsAndSelf(expression))
        {
            if (node is BoundFact f)
            {
                mask |= UInt128.One << f.Fact.Index;
            }
        }

        return mask;
    }
}
