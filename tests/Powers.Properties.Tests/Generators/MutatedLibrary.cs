namespace Powers.Properties.Tests.Generators;

/// <summary>The shipped rule files with one file mutated.</summary>
/// <param name="Path">The mutated file.</param>
/// <param name="Text">Its mutated text.</param>
/// <param name="Mutations">What was done to it.</param>
public sealed record MutatedLibrary(string Path, string Text, IReadOnlyList<string> Mutations)
{
    /// <inheritdoc />
    public override string ToString() => Path + ": " + string.Join("; ", Mutations);
}
