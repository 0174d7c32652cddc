namespace Powers.Binding;

/// <summary>Which facts a bound expression reads, as a bit mask over fact indices.</summary>
public static class FactUsage
{
    /// <summary>The mask of facts read by an expression.</summary>
    public static ulong Mask(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ulong mask = 0;
        var stack = new Stack<BoundExpression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case BoundFact f:
                    mask |= 1UL << f.Fact.Index;
                    break;
                case BoundNot n:
                    stack.Push(n.Operand);
                    break;
                case BoundLogical l:
                    stack.Push(l.Left);
                    stack.Push(l.Right);
                    break;
                case BoundComparison c:
                    stack.Push(c.Left);
                    stack.Push(c.Right);
                    break;
                case BoundIn i:
                    stack.Push(i.Operand);
                    break;
            }
        }

        return mask;
    }
}
