using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Deciding;

public class PlanCacheTests
{
    // Version "a" from 1 Jan 2010 (road check standard, cordon); designation kent-cordon in force from 1 Jan 2011.
    private static readonly RuleLibrary Library = Build();

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            "\"road-check\": { \"title\": \"Road check\", \"cite\": \"Test Act, s. 13\", \"clauses\": [ { \"id\": \"authorised\", \"when\": \"roadCheckAuthorised\", \"cite\": \"PACE s. 4\", \"text\": \"Authorised.\" } ] }",
            "\"cordon\": { \"title\": \"Cordon\", \"cite\": \"Test Act, s. 14\", \"clauses\": [ { \"id\": \"in-cordon\", \"when\": \"inCordonedArea\", \"cite\": \"TA s. 35\", \"text\": \"In a cordon.\" } ] }",
        ]);
        string version = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers, extra: "  \"standard\": [\"road-check\"],\n");
        string designation = "{ \"designation\": \"kent-cordon\", \"title\": \"Kent\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"cordon\"] }";
        return TestLibrary.Compile(("test/a.json", version), ("designations/kent.json", designation)).ThrowIfFailed();
    }

    private static Designation KentCordon => Library.TryGetDesignation("kent-cordon", out var d) ? d : throw new InvalidOperationException();

    private static RuleSetVersion? InForce(DateOnly date) => Library.VersionInForce("test", date);

    private static CachedPlan Get(PlanCache cache, DateOnly date, Designation designation) => cache.Get(InForce(date), designation, date);

    private static Designation AdHoc(string force, params string[] powers) => Designation.AdHoc(force, powers.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Get_TwoDatesWhileTheDesignationIsInForce_OnePlan()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);

        var first = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        var second = Get(cache, new DateOnly(2012, 6, 1), KentCordon);

        Assert.Same(first, second);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Get_DateBeforeTheDesignationIsInForce_ItsOwnPlanConferringNothing()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);

        var before = Get(cache, new DateOnly(2010, 6, 1), KentCordon);
        var after = Get(cache, new DateOnly(2011, 6, 1), KentCordon);

        Assert.NotSame(before, after);
        Assert.Equal(PowerPlanKind.NotDesignated, before.Plan.Powers[Library.IndexOfPower("cordon")].Kind);
        Assert.Equal(PowerPlanKind.Evaluate, after.Plan.Powers[Library.IndexOfPower("cordon")].Kind);
    }

    [Fact]
    public void Get_AdHocDesignationsGrantingTheSamePowers_OnePlan()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);
        var date = new DateOnly(2011, 6, 1);

        var first = Get(cache, date, AdHoc("kent", "cordon"));
        var second = Get(cache, date, AdHoc("kent", "cordon"));
        var fewer = Get(cache, date, AdHoc("kent"));
        var otherForce = Get(cache, date, AdHoc("essex", "cordon"));

        Assert.Same(first, second);
        Assert.NotSame(first, fewer);
        Assert.NotSame(first, otherForce);
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Get_NoVersionInForceOnTwoDates_EachPlanNamesItsDate()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);

        var first = Get(cache, new DateOnly(2009, 1, 1), KentCordon);
        var second = Get(cache, new DateOnly(2009, 6, 1), KentCordon);

        Assert.Equal("No version of the law is in force on 2009-01-01.", first.Plan.Powers[0].Reason);
        Assert.Equal("No version of the law is in force on 2009-06-01.", second.Plan.Powers[0].Reason);
    }

    [Fact]
    public void Get_MoreKindsOfPlanThanItsCapacity_StaysWithinCapacity()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, capacity: 2);
        var date = new DateOnly(2011, 6, 1);
        string[] forces = ["kent", "essex", "surrey", "sussex", "metropolitan"];

        foreach (string force in forces)
        {
            Get(cache, date, AdHoc(force, "cordon"));
        }

        Assert.InRange(cache.Count, 1, 2);
    }

    [Fact]
    public void Get_CapacityTwo_HoldsTwoPlansThenTwoAgainAfterEmptying()
    {
        // Capacity is the number of plans kept; when full, the cache starts again empty (PlanCache's summary).
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, capacity: 2);
        var date = new DateOnly(2011, 6, 1);

        var kent = Get(cache, date, AdHoc("kent", "cordon"));
        var essex = Get(cache, date, AdHoc("essex", "cordon"));
        Assert.Equal(2, cache.Count);
        Assert.Same(kent, Get(cache, date, AdHoc("kent", "cordon")));
        Assert.Same(essex, Get(cache, date, AdHoc("essex", "cordon")));

        var surrey = Get(cache, date, AdHoc("surrey", "cordon"));
        Assert.Equal(1, cache.Count);
        var sussex = Get(cache, date, AdHoc("sussex", "cordon"));
        Assert.Equal(2, cache.Count);
        Assert.Same(surrey, Get(cache, date, AdHoc("surrey", "cordon")));
        Assert.Same(sussex, Get(cache, date, AdHoc("sussex", "cordon")));
    }

    [Fact]
    public void Constructor_InvalidArguments_ThrowNamingThem()
    {
        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => new PlanCache(null!, ReferenceInterpreter.Instance)).ParamName);
        Assert.Equal("evaluator", Assert.Throws<ArgumentNullException>(() => new PlanCache(Library, null!)).ParamName);
        Assert.Equal("capacity", Assert.Throws<ArgumentOutOfRangeException>(() => new PlanCache(Library, ReferenceInterpreter.Instance, capacity: 0)).ParamName);
        Assert.Equal("compileAfter", Assert.Throws<ArgumentOutOfRangeException>(() => new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: -1)).ParamName);
    }

    [Fact]
    public void Get_NullQueryOrDesignation_ThrowsNamingIt()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);

        Assert.Equal("query", Assert.Throws<ArgumentNullException>(() => cache.Get(null!)).ParamName);
        Assert.Equal("designation", Assert.Throws<ArgumentNullException>(() => cache.Get(InForce(new DateOnly(2011, 6, 1)), null!, new DateOnly(2011, 6, 1))).ParamName);
    }

    [Fact]
    public void Compile_InterpreterPlan_ReturnsTheProgramItThenDecidesWith()
    {
        // A host warms a plan up before serving (CachedPlan.Compile): for the reference interpreter that compiles it.
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: 1_000);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);

        var program = plan.Compile();

        Assert.NotNull(program);
        Assert.Same(program, plan.Program);
        Assert.Same(program, plan.Compile());
    }

    [Fact]
    public void DecideOutcomes_BeforeAndAfterCompiling_EachSituationsOwnOutcomes()
    {
        // Kent's cordon designation in 2011: the road check (standard) rests on roadCheckAuthorised, the cordon on
        // inCordonedArea. Unauthorised, the road check is denied; once compiled, authorised, it is permitted.
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: 1_000);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        int roadCheck = Library.IndexOfPower("road-check");
        int cordon = Library.IndexOfPower("cordon");
        var outcomes = new Outcome[plan.Plan.Powers.Count];
        var situation = new Situation(Library.Schema);
        situation.Set("roadCheckAuthorised", false);
        situation.Set("inCordonedArea", true);

        plan.DecideOutcomes(situation, outcomes);
        Assert.Equal(Outcome.Denied, outcomes[roadCheck]);
        Assert.Equal(Outcome.Permitted, outcomes[cordon]);

        Assert.NotNull(plan.Compile());
        situation.Set("roadCheckAuthorised", true);
        situation.Set("inCordonedArea", false);
        plan.DecideOutcomes(situation, outcomes);
        Assert.Equal(Outcome.Permitted, outcomes[roadCheck]);
        Assert.Equal(Outcome.Denied, outcomes[cordon]);
    }

    [Fact]
    public void DecideOutcomes_NullOutcomes_ThrowsNamingIt()
    {
        var plan = Get(new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: 1_000), new DateOnly(2011, 6, 1), KentCordon);

        var e = Assert.Throws<ArgumentNullException>(() => plan.DecideOutcomes(new Situation(Library.Schema), null!));

        Assert.Equal("outcomes", e.ParamName);
    }

    [Fact]
    public void Get_ManyThreadsAtOnce_AllGetOnePlan()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);
        var plans = new CachedPlan[256];

        Parallel.For(0, plans.Length, i => plans[i] = Get(cache, new DateOnly(2011, 1, 1).AddDays(i), AdHoc("kent", "cordon")));

        Assert.Single(plans.Distinct());
    }

    [Fact]
    public void Decide_BeforeAndAfterCompiling_SameAsTheReferenceInterpreter()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: 3);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        var situation = new Situation(Library.Schema);
        situation.Set("inUniform", true);
        situation.Set("roadCheckAuthorised", false);
        var expected = plan.Plan.CreateBuffer();
        PlanDecider.Decide(plan.Plan, situation, ReferenceInterpreter.Instance, expected);

        for (int i = 0; i < 5; i++)
        {
            var buffer = plan.Plan.CreateBuffer();
            plan.Decide(situation, buffer);
            Assert.Equal(expected.Outcomes, buffer.Outcomes);
            Assert.Equal(expected.Statuses, buffer.Statuses);
            Assert.Equal(expected.Missing, buffer.Missing);
        }

        Assert.NotNull(plan.Program);
        Assert.Equal(Outcome.Denied, expected.Outcomes[Library.IndexOfPower("road-check")]);
        Assert.Equal(Outcome.Undetermined, expected.Outcomes[Library.IndexOfPower("cordon")]);
    }

    [Fact]
    public void DecideOutcomes_BeforeThePlanCompiles_AllocatesNothingAndAgrees()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance, compileAfter: 1_000);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        var situation = new Situation(Library.Schema);
        situation.Set("roadCheckAuthorised", false);
        var expected = plan.Plan.CreateBuffer();
        PlanDecider.Decide(plan.Plan, situation, ReferenceInterpreter.Instance, expected);
        var outcomes = new Outcome[plan.Plan.Powers.Count];
        plan.DecideOutcomes(situation, outcomes);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            plan.DecideOutcomes(situation, outcomes);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Null(plan.Program);
        Assert.Equal(expected.Outcomes, outcomes);
    }

    [Fact]
    public void Decide_AnotherEvaluator_NeverCompiled()
    {
        var cache = new PlanCache(Library, new DelegatingEvaluator(), compileAfter: 0);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);

        plan.Decide(new Situation(Library.Schema), plan.Plan.CreateBuffer());

        Assert.Null(plan.Program);
        Assert.Null(plan.Compile());
    }

    [Fact]
    public void Decide_AnotherEvaluator_CalledForEveryClauseOfEveryDecision()
    {
        var evaluator = new DelegatingEvaluator();
        var cache = new PlanCache(Library, evaluator, compileAfter: 0);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        var buffer = plan.Plan.CreateBuffer();

        for (int i = 0; i < 300; i++)
        {
            plan.Decide(new Situation(Library.Schema), buffer);
        }

        Assert.True(plan.Plan.ClauseArray.Length > 0);
        Assert.Equal(300 * plan.Plan.ClauseArray.Length, evaluator.Calls);
    }

    [Fact]
    public void Decide_AnEvaluatorThatAgreesWithTheReference_CompiledLikeTheEngines()
    {
        var cache = new PlanCache(Library, new AgreeingEvaluator(), compileAfter: 0);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);

        plan.Decide(new Situation(Library.Schema), plan.Plan.CreateBuffer());

        Assert.NotNull(plan.Program);
    }

    [Fact]
    public void Decide_AnEvaluatorThatAgreesWithTheReference_CalledUntilCompiledThenNever()
    {
        // The cache decides with the evaluator it was given (no other swapped in) until the plan is compiled.
        var evaluator = new AgreeingEvaluator();
        var cache = new PlanCache(Library, evaluator, compileAfter: 3);
        var plan = Get(cache, new DateOnly(2011, 6, 1), KentCordon);
        var buffer = plan.Plan.CreateBuffer();

        for (int i = 0; i < 5; i++)
        {
            plan.Decide(new Situation(Library.Schema), buffer);
        }

        Assert.NotNull(plan.Program);
        Assert.Equal(2 * plan.Plan.ClauseArray.Length, evaluator.Calls);
    }

    [Fact]
    public void EngineDecide_TwoDatesSharingAPlan_EachDecisionReportsItsOwnDate()
    {
        var engine = new PowersEngine(Library);
        var situation = new Situation(Library.Schema);

        var first = engine.Decide(new Query(new DateOnly(2011, 6, 1), InForce(new DateOnly(2011, 6, 1)), KentCordon, situation));
        var second = engine.Decide(new Query(new DateOnly(2012, 6, 1), InForce(new DateOnly(2012, 6, 1)), KentCordon, situation));

        Assert.Same(first.Plan, second.Plan);
        Assert.Equal(new DateOnly(2011, 6, 1), first.Date);
        Assert.Equal(new DateOnly(2012, 6, 1), second.Date);
    }

    [Fact]
    public void Get_DesignationsMadeEitherSideOfATransitionalRule_TheirOwnPlans()
    {
        // Version "b" (from 2015) removes the road check; a designation made before 2015 keeps it under version
        // "a"'s rules (the "preserve" rule), one made later does not.
        var library = PreservingLibrary();
        var cache = new PlanCache(library, ReferenceInterpreter.Instance);
        var date = new DateOnly(2016, 6, 1);
        var b = library.VersionInForce("test", date);
        int roadCheck = library.IndexOfPower("road-check");
        string[] granted = ["road-check"];

        var madeBefore = cache.Get(b, Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2014, 6, 1)), date);
        var madeAfter = cache.Get(b, Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2015, 6, 1)), date);
        var madeOnTheQueryDate = cache.Get(b, Designation.AdHoc("kent", granted.ToHashSet()), date);
        var sameMadeDay = cache.Get(b, Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2014, 6, 1)), date.AddDays(1));

        Assert.Equal(PowerPlanKind.Evaluate, madeBefore.Plan.Powers[roadCheck].Kind);
        Assert.Equal(PowerPlanKind.NotInForce, madeAfter.Plan.Powers[roadCheck].Kind);
        Assert.Equal(PowerPlanKind.NotInForce, madeOnTheQueryDate.Plan.Powers[roadCheck].Kind);
        Assert.NotSame(madeBefore, madeAfter);
        // Made after the rule's day, whether stated or taken from the query's date: no transitional rule, one plan.
        Assert.Same(madeAfter, madeOnTheQueryDate);
        Assert.Same(madeBefore, sameMadeDay);

        // Without a made day it counts as made on the query's date; the API (not the reader) lets a host ask
        // version "b" about 2014, when such a designation is preserved.
        var queriedIn2014 = cache.Get(b, Designation.AdHoc("kent", granted.ToHashSet()), new DateOnly(2014, 6, 1));
        Assert.Equal(PowerPlanKind.Evaluate, queriedIn2014.Plan.Powers[roadCheck].Kind);
    }

    [Fact]
    public void Get_AdHocDesignationsStatingOtherMadeDaysUnderTheSameRules_OnePlanAndEachDecisionReportsItsOwnMadeDay()
    {
        var library = PreservingLibrary();
        var engine = new PowersEngine(library);
        var date = new DateOnly(2016, 6, 1);
        var b = library.VersionInForce("test", date);
        string[] granted = ["road-check"];
        var june = Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2014, 6, 1));
        var july = Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2014, 7, 1));

        var first = engine.Decide(new Query(date, b, june, new Situation(library.Schema)));
        var second = engine.Decide(new Query(date, b, july, new Situation(library.Schema)));

        Assert.Same(first.Plan, second.Plan);
        Assert.Equal(new DateOnly(2014, 6, 1), first.Designation.Made);
        Assert.Equal(new DateOnly(2014, 7, 1), second.Designation.Made);
    }

    [Fact]
    public void Get_AdHocDesignationsMadeTheDayBeforeAndTheDayOfATransitionalRule_TheirOwnPlansDecidingDifferently()
    {
        // Version "b" preserves the road check for designations made before 1 Jan 2015: made on 31 Dec 2014 it is
        // kept (and decided by its clause), made on 1 Jan 2015 it is repealed. Sharing a plan would permit one of
        // them wrongly.
        var library = PreservingLibrary();
        var engine = new PowersEngine(library);
        var date = new DateOnly(2016, 6, 1);
        var b = library.VersionInForce("test", date);
        int roadCheck = library.IndexOfPower("road-check");
        string[] granted = ["road-check"];
        var situation = new Situation(library.Schema);
        situation.Set("roadCheckAuthorised", true);

        var dayBefore = engine.Decide(new Query(date, b, Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2014, 12, 31)), situation));
        var dayOf = engine.Decide(new Query(date, b, Designation.AdHoc("kent", granted.ToHashSet(), new DateOnly(2015, 1, 1)), situation));

        Assert.NotSame(dayBefore.Plan, dayOf.Plan);
        Assert.Equal(Outcome.Permitted, dayBefore.OutcomeAt(roadCheck));
        Assert.Equal(Outcome.NotInForce, dayOf.OutcomeAt(roadCheck));
    }

    [Fact]
    public void Get_AdHocDesignationWhosePowersTheCallerChangesAfterwards_StillDecidesWhatItGranted()
    {
        var cache = new PlanCache(Library, ReferenceInterpreter.Instance);
        var powers = new HashSet<string>(StringComparer.Ordinal) { "cordon" };
        var designation = Designation.AdHoc("kent", powers);
        var date = new DateOnly(2011, 6, 1);
        var before = Get(cache, date, designation);

        powers.Remove("cordon");
        var after = Get(cache, date, designation);
        var withoutCordon = Get(cache, date, AdHoc("kent"));

        Assert.Contains("cordon", designation.Powers);
        Assert.Same(before, after);
        Assert.NotSame(before, withoutCordon);
        Assert.Equal(PowerPlanKind.NotDesignated, withoutCordon.Plan.Powers[Library.IndexOfPower("cordon")].Kind);
    }

    [Fact]
    public void Get_StoredDesignationMadeBeforeATransitionalRule_OnePlanKeepingThePower()
    {
        var library = PreservingLibrary();
        var cache = new PlanCache(library, ReferenceInterpreter.Instance);
        Assert.True(library.TryGetDesignation("old", out var old));
        var b = library.VersionInForce("test", new DateOnly(2016, 6, 1));
        int roadCheck = library.IndexOfPower("road-check");

        // A stored designation without a made day counts as made when it came into force (2012), before 2015.
        var noDate = cache.Get(b, old, null);
        var onADate = cache.Get(b, old, new DateOnly(2016, 6, 1));

        Assert.Equal(PowerPlanKind.Evaluate, onADate.Plan.Powers[roadCheck].Kind);
        Assert.Same(noDate, onADate);
    }

    private static RuleLibrary PreservingLibrary()
    {
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2014-12-31\" }", TestLibrary.Power("road-check", "roadCheckAuthorised"));
        string b = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2015-01-01\" }, \"extends\": \"a\",\n" +
            "  \"remove\": { \"powers\": [ { \"power\": \"road-check\", \"cite\": \"Test Act 2015, s. 2\", \"text\": \"Repealed.\" } ] },\n" +
            "  \"preserve\": [ { \"id\": \"old-designations\", \"madeBefore\": \"2015-01-01\", \"version\": \"a\", \"powers\": [\"road-check\"], \"cite\": \"Test Regulations 2015, reg. 4\", \"text\": \"Old designations keep their powers.\" } ],\n" +
            "  \"powers\": {}\n}\n";
        string old = "{ \"designation\": \"old\", \"title\": \"Old\", \"force\": \"kent\", \"effective\": { \"from\": \"2012-01-01\" }, \"powers\": [\"road-check\"] }";
        return TestLibrary.Compile(("test/a.json", a), ("test/b.json", b), ("designations/old.json", old)).ThrowIfFailed();
    }

    private sealed class DelegatingEvaluator : IClauseEvaluator
    {
        private int _calls;

        public string Name => "delegating";

        public int Calls => _calls;

        public Tri Evaluate(Clause clause, Situation situation)
        {
            Interlocked.Increment(ref _calls);
            return ReferenceInterpreter.Instance.Evaluate(clause, situation);
        }
    }

    private sealed class AgreeingEvaluator : IClauseEvaluator
    {
        private int _calls;

        public string Name => "agreeing";

        public bool AgreesWithReferenceInterpreter => true;

        public int Calls => _calls;

        public Tri Evaluate(Clause clause, Situation situation)
        {
            Interlocked.Increment(ref _calls);
            return ReferenceInterpreter.Instance.Evaluate(clause, situation);
        }
    }
}
