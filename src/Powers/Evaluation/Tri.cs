namespace Powers.Evaluation;

/// <summary>
/// A three-valued (Kleene) truth value, encoded as two bits: bit 0 "may be true", bit 1 "may be false". Then
/// <c>and</c>, <c>or</c> and <c>not</c> are branch-free bit operations (see <see cref="TriLogic"/>), and many
/// situations can be evaluated in parallel in the bits of a word.
/// </summary>
public enum Tri : byte
{
    /// <summary>Holds.</summary>
    True = 1,

    /// <summary>Fails.</summary>
    False = 2,

    /// <summary>Cannot be decided from the known facts.</summary>
    Unknown = 3,
}
