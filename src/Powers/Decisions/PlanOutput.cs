using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Powers.Analysis;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// What the output level keeps per plan, in the plan's <see cref="DecisionPlan.OutputSlot"/>: the shared views of its
/// powers, its documents' encoded bytes per encoder, and its powers' finished residuals. Built on first use; thread-safe.
/// </summary>
internal sealed class PlanOutput
{
    private readonly DecisionPlan _plan;
    private readonly PowerViewCache?[] _views;
    private DocumentBytes? _defaultBytes;
    private ConditionalWeakTable<JavaScriptEncoder, DocumentBytes>? _otherBytes;
    private ResidualCache? _residuals;

    private PlanOutput(DecisionPlan plan)
    {
        _plan = plan;
        _views = new PowerViewCache?[plan.PowerArray.Length];
    }

    public static PlanOutput Of(DecisionPlan plan)
    {
        if (Volatile.Read(ref plan.OutputSlot) is PlanOutput output)
        {
            return output;
        }

        var built = new PlanOutput(plan);
        return Interlocked.CompareExchange(ref plan.OutputSlot, built, null) as PlanOutput ?? built;
    }

    /// <summary>The shared view of a power.</summary>
    public PowerDecision View(int power, Outcome outcome, ReadOnlySpan<Tri> statuses, UInt128 missing)
    {
        var cache = Volatile.Read(ref _views[power]);
        if (cache is null)
        {
            var built = new PowerViewCache(_plan, power);
            cache = Interlocked.CompareExchange(ref _views[power], built, null) ?? built;
        }

        return cache.Get(outcome, statuses, missing);
    }

    /// <summary>The plan's finished residuals, by power and the known facts it reads.</summary>
    public ResidualCache Residuals
    {
        get
        {
            if (Volatile.Read(ref _residuals) is { } cache)
            {
                return cache;
            }

            var built = new ResidualCache(_plan);
            return Interlocked.CompareExchange(ref _residuals, built, null) ?? built;
        }
    }

    /// <summary>The plan's encoded document pieces for an encoder (null: System.Text.Json's default).</summary>
    public DocumentBytes Bytes(JavaScriptEncoder? encoder)
    {
        if (encoder is null)
        {
            if (Volatile.Read(ref _defaultBytes) is { } bytes)
            {
                return bytes;
            }

            var built = new DocumentBytes(_plan, null);
            return Interlocked.CompareExchange(ref _defaultBytes, built, null) ?? built;
        }

        var table = LazyInitializer.EnsureInitialized(ref _otherBytes, static () => new ConditionalWeakTable<JavaScriptEncoder, DocumentBytes>());
        return table.GetValue(encoder, e => new DocumentBytes(_plan, e));
    }
}
