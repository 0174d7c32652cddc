using System.Runtime.CompilerServices;

namespace Powers.Evaluation;

/// <summary>Kleene logic on <see cref="Tri"/> as bit operations.</summary>
public static class TriLogic
{
    /// <summary>Kleene and: false wins, then unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri And(Tri a, Tri b) => (Tri)((((int)a & (int)b) & 1) | (((int)a | (int)b) & 2));

    /// <summary>Kleene or: true wins, then unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Or(Tri a, Tri b) => (Tri)((((int)a | (int)b) & 1) | (((int)a & (int)b) & 2));

    /// <summary>Kleene not: swaps true and false, keeps unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Not(Tri a) => (Tri)((((int)a & 1) << 1) | (((int)a & 2) >> 1));

    /// <summary>A known boolean as a <see cref="Tri"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri From(bool value) => value ? Tri.True : Tri.False;

    /// <summary>The status word used in decisions: held, failed, unknown.</summary>
    public static string StatusName(Tri value) => value switch
    {
        Tri.True => "held",
        Tri.False => "failed",
        _ => "unknown",
    };
}
