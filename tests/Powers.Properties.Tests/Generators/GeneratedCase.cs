namespace Powers.Properties.Tests.Generators;

/// <summary>A generated library and some queries against it.</summary>
/// <param name="Generated">The library.</param>
/// <param name="Queries">Queries against it.</param>
public sealed record GeneratedCase(GeneratedLibrary Generated, IReadOnlyList<QueryCase> Queries)
{
    /// <inheritdoc />
    public override string ToString() => Generated + Environment.NewLine + string.Join(Environment.NewLine, Queries);
}
