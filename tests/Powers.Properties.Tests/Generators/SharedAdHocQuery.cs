namespace Powers.Properties.Tests.Generators;

/// <summary>
/// A query with an ad-hoc designation from a small pool (two forces; every power, none, or a transitional rule's
/// powers) and any made day, so that many queries ask for the same plan key and only the made day tells them apart.
/// </summary>
/// <param name="Case">The query.</param>
public sealed record SharedAdHocQuery(QueryCase Case)
{
    /// <inheritdoc />
    public override string ToString() => Case.ToString();
}
