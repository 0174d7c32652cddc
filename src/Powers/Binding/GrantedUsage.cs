namespace Powers.Binding;

/// <summary>Which powers a bound expression asks about with <c>granted('...')</c>, in first-seen order.</summary>
public static class GrantedUsage
{
    /// <summary>The distinct power ids read by an expression; empty for most clauses.</summary>
    public static IReadOnlyList<string> Powers(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        List<string>? found = null;
        var stack = new Stack<BoundExpression>();
        stack.Push(expression);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case BoundGranted g:
                    found ??= [];
                    if (!found.Contains(g.PowerId))
                    {
                        found.Add(g.PowerId);
                    }

                    break;
                case BoundNot n:
                    stack.Push(n.Operand);
                    break;
                case BoundLogical l:
                    stack.Push(l.Right);
                    stack.Push(l.Left);
                    break;
            }
        }

        return found is null ? [] : found;
    }
}
