using Powers.Compilation;
using Powers.Evaluation;
using Powers.Model;

namespace Powers;

/// <summary>
/// The entry point for embedding: a compiled library and an evaluator. Immutable and safe to share across
/// threads. <see cref="Decide(Query)"/> returns a full explanation; the plan/buffer overload decides with no
/// allocation for callers that ask many times a second.
/// </summary>
public sealed class PowersEngine
{
    /// <summary>Creates an engine over a compiled library.</summary>
    public PowersEngine(RuleLibrary library, IClauseEvaluator? evaluator = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        Evaluator = evaluator ?? CompiledEvaluator.Instance;
        Plans = new PlanCache(library, Evaluator);
    }

    /// <summary>The plans of this engine's library, shared by every query and thread; see <see cref="PlanCache"/>.</summary>
    public PlanCache Plans { get; }

    /// <summary>The rule library.</summary>
    public RuleLibrary Library { get; }

    /// <summary>The clause evaluator.</summary>
    public IClauseEvaluator Evaluator { get; }

    /// <summary>An engine over the library embedded in the package; throws only if that library does not compile.</summary>
    public static PowersEngine LoadEmbedded() => new(LibraryCompiler.CompileEmbedded().ThrowIfFailed());

    /// <summary>The plan for a query: version, designation and each power's clauses.</summary>
    public DecisionPlan Plan(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PlanBuilder.Build(Library, query.Version, query.Designation, query.Date);
    }

    /// <summary>
    /// Decides a query with a full explanation, through the cached, compiled plan. Allocates only the decision's
    /// own compact result; its rich view is built when read.
    /// </summary>
    public Decision Decide(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = Plans.Get(query);
        var buffer = plan.Plan.CreateBuffer();
        plan.Decide(query.Situation, buffer);
        return new Decision(plan.Plan, query.Date, buffer, query.Situation);
    }

    /// <summary>
    /// Compiles a plan into one delegate for the fastest allocation-free decisions (milliseconds to build; keep
    /// it with the plan). Its decisions are those of the reference interpreter; it does not use <see cref="Evaluator"/>.
    /// </summary>
    public static DecisionProgram Compile(DecisionPlan plan) => DecisionProgram.Compile(plan);

    /// <summary>Decides a situation into a caller-owned buffer, allocating nothing.</summary>
    public void Decide(DecisionPlan plan, Situation situation, DecisionBuffer buffer) => Decider.Decide(plan, situation, Evaluator, buffer);

    /// <summary>Parses, resolves and decides a query document; returns null and fills <paramref name="errors"/> on bad input.</summary>
    public Decision? Decide(string queryJson, List<QueryError> errors)
    {
        var query = QueryReader.Parse(Library, queryJson, errors);
        return query is null ? null : Decide(query);
    }
}
