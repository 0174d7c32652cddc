namespace Powers.Properties.Tests.Generators;

/// <summary>A query whose situation gives every fact.</summary>
/// <param name="Case">The query.</param>
public sealed record CompleteQuery(QueryCase Case)
{
    /// <inheritdoc />
    public override string ToString() => Case.ToString();
}
