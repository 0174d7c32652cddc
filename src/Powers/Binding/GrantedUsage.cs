namespace Powers.Binding;

/// <summary>
/// Which powers a bound expression asks about with <c>granted('...')</c> or <c>designated('...')</c>, in first-seen
/// order, as the keys a plan answers (<see cref="BoundGranted.Key"/>: the id, or <c>designated:</c> and the id).
/// </summary>
internal static class GrantedUsage
{
    /// <summary>The distinct power ids read by an expression; empty for most clauses.</summary>
    public static IReadOnlyList<string> Powers(BoundExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        List<string>? found = null;
        foreach (var node in BoundNodes.DescendantsAndSelf(expression))
        {
            if (node is BoundGranted g && !(found ??= []).Contains(g.Key))
            {
                found.Add(g.Key);
            }
        }

        return found is null ? [] : found;
    }
}
