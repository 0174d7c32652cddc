using System.Runtime.CompilerServices;
using Powers.Model;

namespace Powers.Evaluation;

/// <summary>
/// Evaluates clauses through delegates compiled from their bound trees (once per clause, on first use,
/// thread-safe). Agrees exactly with <see cref="ReferenceInterpreter"/>; the property tests prove it.
/// </summary>
public sealed class CompiledClauseEvaluator : IClauseEvaluator
{
    /// <summary>The shared instance.</summary>
    public static CompiledClauseEvaluator Instance { get; } = new();

    /// <inheritdoc />
    public string Name => "compiled";

    /// <inheritdoc />
    public bool AgreesWithReferenceInterpreter => true;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Tri Evaluate(Clause clause, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(situation);
        var function = Unsafe.As<ClauseFunction?>(clause.CompiledSlot) ?? CompileSlow(clause);
        return function(situation.Values, situation.KnownMask);
    }

    /// <inheritdoc />
    public void EvaluateAll(ReadOnlySpan<Clause> clauses, Situation situation, Span<Tri> statuses)
    {
        ArgumentNullException.ThrowIfNull(situation);
        // Each clause's delegate called directly, without a dispatch per clause.
        int[] values = situation.Values;
        ulong known = situation.KnownMask;
        for (int i = 0; i < clauses.Length; i++)
        {
            statuses[i] = Evaluate(clauses[i], values, known);
        }
    }

    /// <summary>The clause's value over packed facts, for callers that have checked their arguments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Tri Evaluate(Clause clause, int[] values, ulong known)
    {
        var function = Unsafe.As<ClauseFunction?>(clause.CompiledSlot) ?? CompileSlow(clause);
        return function(values, known);
    }

    /// <summary>Compiles a clause now rather than on first use.</summary>
    public static void Prepare(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (clause.CompiledSlot is null)
        {
            CompileSlow(clause);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ClauseFunction CompileSlow(Clause clause)
    {
        var compiled = ClauseCompiler.Compile(clause.Expression);
        var existing = Interlocked.CompareExchange(ref clause.CompiledSlot, compiled, null);
        return (ClauseFunction)(existing ?? compiled);
    }
}
