namespace Powers.Properties.Tests.Generators;

/// <summary>A sequence of typed calls on one situation of the shipped schema.</summary>
/// <param name="Calls">The calls, in order.</param>
public sealed record TypedCalls(IReadOnlyList<TypedCall> Calls)
{
    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Calls);
}
