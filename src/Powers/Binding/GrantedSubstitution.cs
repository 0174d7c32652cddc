namespace Powers.Binding;

/// <summary>Replaces every <c>granted('...')</c> of a bound tree by the constant a plan knows it to be.</summary>
internal static class GrantedSubstitution
{
    /// <summary>The tree with each <see cref="BoundGranted"/> replaced by true or false.</summary>
    /// <remarks>Recursion follows the tree, whose depth the parser bounds (one level per token at most).</remarks>
    public static BoundExpression Substitute(BoundExpression expression, Func<string, bool> granted)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(granted);
        return expression switch
        {
            BoundGranted g => new BoundConstant(g.Span, BoundType.Bool, granted(g.Key) ? 1 : 0),
            BoundNot n => new BoundNot(n.Span, Substitute(n.Operand, granted)),
            BoundLogical l => new BoundLogical(l.Span, l.IsAnd, Substitute(l.Left, granted), Substitute(l.Right, granted)),
            _ => expression,
        };
    }
}
