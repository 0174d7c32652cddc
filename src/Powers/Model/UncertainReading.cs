namespace Powers.Model;

/// <summary>
/// A low-confidence reading of the law that an outcome rests on: where it is from, and what would settle it. Two
/// readings with the same citation and note are one reading (a decision lists each once).
/// </summary>
public sealed class UncertainReading : IEquatable<UncertainReading>
{
    internal UncertainReading(string cite, string note)
    {
        Cite = cite;
        Note = note;
    }

    /// <summary>The provision or source relied on.</summary>
    public string Cite { get; }

    /// <summary>What is uncertain and what would settle it.</summary>
    public string Note { get; }

    /// <summary>Whether <paramref name="other"/> has the same citation and note (ordinal).</summary>
    public bool Equals(UncertainReading? other) =>
        other is not null && string.Equals(Cite, other.Cite, StringComparison.Ordinal) && string.Equals(Note, other.Note, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as UncertainReading);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Cite), StringComparer.Ordinal.GetHashCode(Note));
}
