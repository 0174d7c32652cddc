using Powers.Deciding;
using Powers.Model;
using Powers.Queries;

namespace Powers.Cli.Commands;

/// <summary>
/// The stream's plans, each with the stream's own buffers: the buffers, outcome arrays and cached lines are this
/// single-threaded stream's. Bounded like the plans, so memory stays flat for any input.
/// </summary>
internal sealed class PlanEntries(PowersEngine engine)
{
    /// <summary>
    /// Decisions a plan serves in a stream before it is compiled. Compiling a plan into a program takes a few
    /// milliseconds and saves a fraction of a microsecond per decision, so it repays only tens of thousands of
    /// decisions; a stream of a million queries spreads them over a hundred plans or more. Measured on 50,000 and
    /// 1,000,000 ad-hoc lines (docs/benchmarks.md): compiling after 256 decisions took about twice the CPU time.
    /// </summary>
    public const int CompileAfter = 65_536;

    private const int MaxEntries = 4096;
    private readonly Dictionary<CachedPlan, PlanEntry> _entries = new(ReferenceEqualityComparer.Instance);
    private readonly PlanCache _plans = new(engine.Library, engine.Evaluator, compileAfter: CompileAfter);

    /// <summary>The entry for a version, a designation and a date.</summary>
    public PlanEntry Get(RuleSetVersion? version, Designation designation, DateOnly? date) => For(_plans.Get(version, designation, date));

    /// <summary>The entry for a resolved query.</summary>
    public PlanEntry Get(Query query) => For(_plans.Get(query));

    private PlanEntry For(CachedPlan plan)
    {
        if (!_entries.TryGetValue(plan, out var entry))
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            entry = new PlanEntry(plan);
            _entries.Add(plan, entry);
        }

        return entry;
    }
}
