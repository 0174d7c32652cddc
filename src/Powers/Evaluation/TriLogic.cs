using System.Runtime.CompilerServices;
using Expr = System.Linq.Expressions.Expression;

namespace Powers.Evaluation;

/// <summary>
/// Kleene logic on <see cref="Tri"/> as bit operations, and the only owner of the two-bit encoding: the
/// interpreter calls the methods, the decision program (through <see cref="ClauseCompiler"/>) emits the same
/// operations through the <c>Emit*</c> methods, so an encoding change is made here or nowhere.
/// </summary>
internal static class TriLogic
{
    /// <summary>The bit that says "may be true".</summary>
    internal const int MayBeTrue = 1;

    /// <summary>The bit that says "may be false".</summary>
    internal const int MayBeFalse = 2;

    /// <summary>Kleene and: false wins, then unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri And(Tri a, Tri b) => (Tri)Combine((int)a & (int)b, (int)a | (int)b);

    /// <summary>Kleene or: true wins, then unknown.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Or(Tri a, Tri b) => (Tri)Combine((int)a | (int)b, (int)a & (int)b);

    /// <summary>Kleene not: swaps true and false, keeps unknown.</summary>
    // "May be false" is moved down by dividing by its bit rather than by a right shift: the shift of this non-negative
    // value has an unsigned-shift (>>>) twin no test can tell apart, which mutation testing would count as a survivor.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tri Not(Tri a) => (Tri)((((int)a & MayBeTrue) << 1) | (((int)a & MayBeFalse) / MayBeFalse));

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

    /// <summary>
    /// A value from a fold: "may be true" from <paramref name="trueBits"/> (the and of the operands' for a
    /// conjunction), "may be false" from <paramref name="falseBits"/> (their or).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Combine(int trueBits, int falseBits) => (trueBits & MayBeTrue) | (falseBits & MayBeFalse);

    /// <summary><see cref="Combine"/> as an expression over int-typed operands.</summary>
    internal static Expr EmitCombine(Expr trueBits, Expr falseBits) =>
        Expr.Or(Expr.And(trueBits, Expr.Constant(MayBeTrue)), Expr.And(falseBits, Expr.Constant(MayBeFalse)));

    /// <summary><see cref="And"/> (or <see cref="Or"/>) as an expression; the operands are read twice, so pass variables.</summary>
    internal static Expr EmitJunction(bool isAnd, Expr a, Expr b) =>
        isAnd ? EmitCombine(Expr.And(a, b), Expr.Or(a, b)) : EmitCombine(Expr.Or(a, b), Expr.And(a, b));

    /// <summary><see cref="Not"/> as an expression; the operand is read twice, so pass a variable.</summary>
    internal static Expr EmitNot(Expr x) =>
        Expr.Or(
            Expr.LeftShift(Expr.And(x, Expr.Constant(MayBeTrue)), Expr.Constant(1)),
            Expr.RightShift(Expr.And(x, Expr.Constant(MayBeFalse)), Expr.Constant(1)));

    /// <summary>A <see cref="Tri"/> as the int constant the compiled code works on.</summary>
    internal static Expr EmitConstant(Tri value) => Expr.Constant((int)value);
}
