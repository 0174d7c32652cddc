using Powers.Compilation;
using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;

namespace Powers;

/// <summary>
/// The one front door of the core: a compiled library and an evaluator (the reference interpreter unless given).
/// Immutable and safe to share across threads. <see cref="Decide(ReadOnlySpan{char})"/> (or UTF-8 bytes) decides a
/// query document, <see cref="Read(ReadOnlySpan{char})"/> only reads it, <see cref="Decide(Query)"/> decides a query
/// read or built in code; for a loop over many situations, <c>Plans.Get(query).Decide(situation, buffer)</c> decides
/// into a buffer the caller owns with no allocation, through the plan compiled once it has served a few hundred
/// decisions.
/// </summary>
public sealed class PowersEngine
{
    /// <summary>Creates an engine over a compiled library.</summary>
    public PowersEngine(RuleLibrary library, IClauseEvaluator? evaluator = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        Evaluator = evaluator ?? ReferenceInterpreter.Instance;
        Plans = new PlanCache(library, Evaluator);
    }

    private CompactQueryReader? _compact;

    /// <summary>
    /// The plans of this engine's library, shared by every query and thread: <c>Plans.Get(query)</c> gives the plan
    /// a query needs, which decides situations into a buffer made once by <c>Plan.CreateBuffer()</c> (the
    /// allocation-free loop); see <see cref="PlanCache"/>.
    /// </summary>
    public PlanCache Plans { get; }

    /// <summary>The rule library.</summary>
    public RuleLibrary Library { get; }

    /// <summary>The clause evaluator.</summary>
    internal IClauseEvaluator Evaluator { get; }

    /// <summary>An engine over the library embedded in the package; throws only if that library does not compile.</summary>
    public static PowersEngine LoadEmbedded() => new(LibraryCompiler.CompileEmbedded().ThrowIfFailed());

    /// <summary>The plan for a query: version, designation and each power's clauses.</summary>
    internal DecisionPlan Plan(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return PlanBuilder.Build(Library, query.Version, query.Designation, query.Date);
    }

    /// <summary>
    /// Decides a query through the cached, compiled plan. Allocates only the decision's compact result (outcomes,
    /// clause statuses, and a copy of the facts when some power is undetermined); reading it explains nothing
    /// (<see cref="Decision.Explain"/> does).
    /// </summary>
    public Decision Decide(Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = Plans.Get(query);
        var scratch = DecisionScratch.For(plan.Plan);
        plan.Decide(query.Situation, scratch);
        return Decision.Create(plan.Plan, query.Designation, query.Date, scratch, query.Situation);
    }

    /// <summary>
    /// Compiles a plan into one delegate for the fastest allocation-free decisions (milliseconds to build; keep
    /// it with the plan). Its decisions are those of the reference interpreter; it does not use <see cref="Evaluator"/>.
    /// </summary>
    internal static DecisionProgram Compile(DecisionPlan plan) => DecisionProgram.Compile(plan);

    /// <summary>Decides a situation into a caller-owned buffer clause by clause with <see cref="Evaluator"/>, allocating nothing.</summary>
    internal void Decide(DecisionPlan plan, Situation situation, DecisionBuffer buffer) => PlanDecider.Decide(plan, situation, Evaluator, buffer);

    /// <summary>
    /// Reads, resolves and decides a query document (docs/contract.md): the decision, or every error in the
    /// document, each naming its field. Never throws on input.
    /// </summary>
    public DecisionResult Decide(ReadOnlySpan<char> queryJson) => Decided(Read(queryJson));

    /// <summary>Reads, resolves and decides a query document given as UTF-8 bytes (e.g. a request body), as <see cref="Decide(ReadOnlySpan{char})"/>.</summary>
    public DecisionResult Decide(ReadOnlySpan<byte> utf8QueryJson) => Decided(Read(utf8QueryJson));

    /// <summary>
    /// Reads and resolves a query document (a date, a designation and facts; docs/contract.md): straight from the text into a new situation when it is
    /// valid, and through <see cref="QueryReader"/> only to report what is wrong with it. Never throws on input.
    /// </summary>
    public QueryResult Read(ReadOnlySpan<char> queryJson)
    {
        var situation = new Situation(Library.Schema);
        if (Compact.TryRead(queryJson, situation, out var date, out var designation, out var version))
        {
            return QueryResult.Read(new Query(date, version, designation!, situation));
        }

        return Refused(queryJson.ToString());
    }

    /// <summary>Reads and resolves a query document given as UTF-8 bytes (e.g. a request body), as <see cref="Read(ReadOnlySpan{char})"/>.</summary>
    public QueryResult Read(ReadOnlySpan<byte> utf8QueryJson)
    {
        var situation = new Situation(Library.Schema);
        if (Compact.TryRead(utf8QueryJson, situation, out var date, out var designation, out var version))
        {
            return QueryResult.Read(new Query(date, version, designation!, situation));
        }

        // Not valid UTF-8 is reported by the full reader as the replacement characters it decodes to.
        return Refused(System.Text.Encoding.UTF8.GetString(utf8QueryJson));
    }

    private DecisionResult Decided(QueryResult read) =>
        read.Query is { } query ? DecisionResult.Decided(Decide(query)) : DecisionResult.Refused(read.Errors);

    private CompactQueryReader Compact => _compact ??= new CompactQueryReader(Library);

    private QueryResult Refused(string json)
    {
        // The fast path declines a few valid forms it leaves to the full reader (see CompactQueryReader).
        return QueryReader.Read(Library, json);
    }
}
