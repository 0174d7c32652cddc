namespace Powers.Binding;

/// <summary>The nodes of a bound tree, for the analyses that read every node (the facts, the powers, the constants).</summary>
public static class BoundNodes
{
    /// <summary>
    /// The expression and every node below it, in pre-order, left before right. Iterative with an explicit stack,
    /// since a flat chain of 'or' from a rule file is as deep as it is long.
    /// </summary>
    public static IEnumerable<BoundExpression> DescendantsAndSelf(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Walk(expression);
    }

    private static IEnumerable<BoundExpression> Walk(BoundExpression expression)
    {
        var stack = new Stack<BoundExpression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            switch (node)
            {
                case BoundNot n:
                    stack.Push(n.Operand);
                    break;
                case BoundLogical l:
                    stack.Push(l.Right);
                    stack.Push(l.Left);
                    break;
                case BoundComparison c:
                    stack.Push(c.Right);
                    stack.Push(c.Left);
                    break;
                case BoundIn i:
                    stack.Push(i.Operand);
                    break;
            }
        }
    }
}
