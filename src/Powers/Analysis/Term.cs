namespace Powers.Analysis;

/// <summary>
/// A condition as the analysis sees it: Kleene constants, atoms (a bool fact, a comparison or an <c>in</c>, kept as
/// the bound node so the reference interpreter decides them), and n-ary <c>not</c>, <c>and</c>, <c>or</c>.
/// Partial evaluation rewrites terms; it never changes their value on any situation that agrees with what it substituted.
/// </summary>
internal abstract class Term
{
    /// <summary>The facts the term still reads.</summary>
    public abstract UInt128 Mask { get; }
}
