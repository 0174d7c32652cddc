namespace Powers.Binding;

/// <summary>Which powers a bound expression asks about with <c>granted('...')</c>, in first-seen order.</summary>
internal static class GrantedUsage
{
    /// <summary>The distinct power ids read by an expression; empty for most clauses.</summary>
    public static IReadOnlyList<string> Powers(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        List<string>? found = null;
        foreach (var node in BoundNodes.DescendantsAndSelf(expression))
        {
            if (node is BoundGranted g && !(found ??= []).Contains(g.PowerId))
            {
                found.Add(g.PowerId);
            }
        }

        return found is null ? [] : found;
    }
}
