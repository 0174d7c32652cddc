namespace Powers.Model;

/// <summary>A condition a designation attaches (PRA s.38(7)), to some powers or, when <see cref="Powers"/> is null, to all.</summary>
/// <param name="Clause">The condition.</param>
/// <param name="Powers">The powers it applies to, or null for all.</param>
public sealed record Restriction(Clause Clause, IReadOnlySet<string>? Powers)
{
    /// <summary>Whether it applies to a power.</summary>
    public bool AppliesTo(string powerId) => Powers is null || Powers.Contains(powerId);
}
