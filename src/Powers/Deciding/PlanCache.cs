using System.Collections.Concurrent;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;

namespace Powers.Deciding;

/// <summary>
/// The plans of one library, built once per thing that makes a plan (version, designation, whether it is in
/// force; see <see cref="PlanKey"/>) and shared by every query, date and thread. Bounded: when full it starts
/// again empty, so memory stays flat whatever the input. Every <see cref="PowersEngine"/> has one
/// (<see cref="PowersEngine.Plans"/>), used by the CLI, the hosted service and library callers alike; a host's
/// allocation-free loop is <c>engine.Plans.Get(query).Decide(situation, buffer)</c>.
/// </summary>
public sealed class PlanCache
{
    /// <summary>The default number of plans kept.</summary>
    internal const int DefaultCapacity = 1024;

    /// <summary>The default number of decisions a plan serves before it is compiled.</summary>
    internal const int DefaultCompileAfter = 256;

    private readonly ConcurrentDictionary<PlanKey, CachedPlan> _plans = new();
    private readonly IClauseEvaluator _evaluator;
    private readonly int _capacity;
    private readonly int _compileAfter;
    private int _built;

    /// <summary>
    /// Creates a cache. A plan is decided clause by clause by <paramref name="evaluator"/> and, once it has served
    /// <paramref name="compileAfter"/> decisions, by its compiled <see cref="DecisionProgram"/>, but only when the
    /// evaluator agrees with the reference interpreter (<see cref="IClauseEvaluator.AgreesWithReferenceInterpreter"/>:
    /// the interpreter itself); any other evaluator is called for every clause of every decision.
    /// </summary>
    internal PlanCache(RuleLibrary library, IClauseEvaluator evaluator, int capacity = DefaultCapacity, int compileAfter = DefaultCompileAfter)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(compileAfter, 0);
        Library = library;
        _evaluator = evaluator;
        _capacity = capacity;
        _compileAfter = evaluator.AgreesWithReferenceInterpreter ? compileAfter : int.MaxValue;
    }

    /// <summary>The library the plans are for.</summary>
    internal RuleLibrary Library { get; }

    /// <summary>How many plans are held.</summary>
    internal int Count => _plans.Count;

    /// <summary>
    /// The plan for a resolved query (from <see cref="PowersEngine.Read(ReadOnlySpan{char})"/> or built in code),
    /// shared by every query with the same version, designation and in-force answer. Allocates nothing once the
    /// plan is held.
    /// </summary>
    public CachedPlan Get(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Get(query.Version, query.Designation, query.Date);
    }

    /// <summary>The plan for a version (or none), a designation and a date (or none, with a version).</summary>
    internal CachedPlan Get(RuleSetVersion? version, Designation designation, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var key = PlanKey.For(Library, version, designation, date);
        if (_plans.TryGetValue(key, out var plan))
        {
            return plan;
        }

        // Counted here: ConcurrentDictionary.Count takes every one of its locks (up to 1024 once grown).
        if (Interlocked.Increment(ref _built) > _capacity)
        {
            _plans.Clear();
            Volatile.Write(ref _built, 1);
        }

        var built = new CachedPlan(PlanBuilder.Build(Library, version, designation, date), _evaluator, _compileAfter);
        return _plans.GetOrAdd(key, built);
    }
}
