namespace Powers.Model;

/// <summary>A condition a designation attaches (PRA s.38(7)), to some powers or, when <see cref="Powers"/> is null, to all.</summary>
public sealed class Restriction
{
    internal Restriction(Clause clause, IReadOnlySet<string>? powers)
    {
        Clause = clause;
        Powers = powers;
    }

    /// <summary>The condition.</summary>
    public Clause Clause { get; }

    /// <summary>The powers it applies to, or null for all.</summary>
    public IReadOnlySet<string>? Powers { get; }

    /// <summary>Whether it applies to a power.</summary>
    public bool AppliesTo(string powerId) => Powers is null || Powers.Contains(powerId);
}
