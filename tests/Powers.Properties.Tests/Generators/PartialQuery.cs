namespace Powers.Properties.Tests.Generators;

/// <summary>A query whose situation may leave any fact unknown.</summary>
/// <param name="Case">The query.</param>
public sealed record PartialQuery(QueryCase Case)
{
    /// <inheritdoc />
    public override string ToString() => Case.ToString();
}
