namespace Powers.Properties.Tests.Generators;

/// <summary>Two generated rule sets over the same schema (a rules change under review) and queries against the first.</summary>
/// <param name="From">The first library.</param>
/// <param name="To">The second library.</param>
/// <param name="Queries">Queries against the first.</param>
public sealed record DiffCase(GeneratedLibrary From, GeneratedLibrary To, IReadOnlyList<QueryCase> Queries)
{
    /// <inheritdoc />
    public override string ToString() => From + Environment.NewLine + "---" + Environment.NewLine + To + Environment.NewLine + string.Join(Environment.NewLine, Queries);
}
