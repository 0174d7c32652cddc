using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Deciding;

public class PlanDeciderTests
{
    private static readonly RuleLibrary Library = Build();

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            "\"road-check\": { \"title\": \"Road check\", \"cite\": \"Test Act, s. 13\", \"clauses\": [ { \"id\": \"authorised\", \"when\": \"roadCheckAuthorised\", \"cite\": \"PACE s. 4\", \"text\": \"Authorised.\" } ] }",
            "\"cordon\": { \"title\": \"Cordon\", \"cite\": \"Test Act, s. 14\", \"forces\": [\"kent\"], \"clauses\": [ { \"id\": \"in-cordon\", \"when\": \"inCordonedArea and cordonAgeDays < 28\", \"cite\": \"TA s. 35\", \"text\": \"In a cordon.\" } ] }",
            "\"require-name-and-address\": { \"title\": \"N&A\", \"cite\": \"Test Act, s. 2\", \"clauses\": [ { \"id\": \"offence\", \"when\": \"suspectedConduct == 'relevant-offence'\", \"cite\": \"s. 2(2)\", \"text\": \"Offence.\" } ] }",
            "\"detain-pending-constable\": { \"title\": \"Detain\", \"cite\": \"Test Act, s. 2(3)\", \"requires\": [\"require-name-and-address\"], \"clauses\": [ { \"id\": \"time\", \"when\": \"minutesDetained < 30\", \"cite\": \"s. 2(3)\", \"text\": \"Under 30 minutes.\" } ] }",
        ]);
        string general = "{ \"id\": \"uniform\", \"when\": \"inUniform\", \"cite\": \"PRA s. 42\", \"text\": \"In uniform.\" }";
        string version = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers, general, extra: "  \"standard\": [\"road-check\"],\n");
        string designation = "{ \"designation\": \"kent-cordon\", \"title\": \"Kent\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"cordon\"], \"restrictions\": [ { \"id\": \"area-only\", \"when\": \"inPoliceArea\", \"text\": \"Only in Kent.\", \"powers\": [\"cordon\"] } ] }";
        return TestLibrary.Compile(("test/a.json", version), ("designations/kent.json", designation)).ThrowIfFailed();
    }

    private static Decision Decide(string date, Designation designation, params (string Fact, string Value)[] facts)
    {
        var situation = new Situation(Library.Schema);
        var errors = new List<QueryError>();
        foreach (var (fact, value) in facts)
        {
            QueryReader.SetFactFromText(Library.Schema, fact, value, situation, errors);
        }

        Assert.Empty(errors);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var query = new Query(day, Library.VersionInForce("test", day), designation, situation);
        return new PowersEngine(Library).Decide(query);
    }

    private static Designation Kent(params string[] powers) => Designation.AdHoc("kent", powers.ToHashSet());

    private static Outcome OutcomeOf(Decision d, string power) => d.Find(power)!.Outcome;

    [Fact]
    public void Decide_BeforeAnyVersion_EveryPowerNotInForce()
    {
        var d = Decide("2009-12-31", Kent("cordon"));
        Assert.Null(d.Version);
        Assert.Equal(Library.Powers.Select(p => p.Id), d.Powers.Select(p => p.Power));
        Assert.All(d.Powers, p => Assert.Equal(Outcome.NotInForce, p.Outcome));
    }

    [Fact]
    public void Decide_AllClausesHold_Permitted()
    {
        var d = Decide("2010-06-01", Kent(), ("inUniform", "true"), ("roadCheckAuthorised", "true"));
        Assert.Equal(Outcome.Permitted, OutcomeOf(d, "road-check"));
        Assert.All(d.Find("road-check")!.Clauses, c => Assert.Equal(Tri.True, c.Status));
    }

    [Fact]
    public void Decide_OneClauseFails_DeniedEvenWithUnknowns()
    {
        var d = Decide("2010-06-01", Kent(), ("inUniform", "false"));
        var power = d.Find("road-check")!;
        Assert.Equal(Outcome.Denied, power.Outcome);
        Assert.Empty(power.Missing);
        Assert.Equal([Tri.False, Tri.Unknown], power.Clauses.Select(c => c.Status));
    }

    // A decider's buffer gives missing facts for an undetermined power only, each fact once however many unknown
    // clauses read it (docs/contract.md: "missing" lists the unknown facts that could settle an undetermined power).
    [Fact]
    public void DecideIntoBuffer_DeniedWithAnUnknownClause_NoMissingFacts()
    {
        var day = new DateOnly(2010, 6, 1);
        var plan = PlanBuilder.Build(Library, Library.VersionInForce("test", day), Kent(), day);
        var situation = new Situation(Library.Schema);
        situation.Set("inUniform", false);
        var buffer = plan.CreateBuffer();

        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);

        int road = Library.IndexOfPower("road-check");
        Assert.Equal(Outcome.Denied, buffer.Outcomes[road]);
        Assert.Equal(UInt128.Zero, buffer.Missing[road]);
    }

    [Fact]
    public void DecideIntoBuffer_NullArguments_ThrowNamingThem()
    {
        var day = new DateOnly(2010, 6, 1);
        var plan = PlanBuilder.Build(Library, Library.VersionInForce("test", day), Kent(), day);
        var situation = new Situation(Library.Schema);
        var evaluator = ReferenceInterpreter.Instance;

        Assert.Equal("plan", Assert.Throws<ArgumentNullException>(() => PlanDecider.Decide(null!, situation, evaluator, plan.CreateBuffer())).ParamName);
        // An evaluator that never reads the situation: the decider itself must refuse a null one.
        Assert.Equal("situation", Assert.Throws<ArgumentNullException>(() => PlanDecider.Decide(plan, null!, new UnknownEvaluator(), plan.CreateBuffer())).ParamName);
        Assert.Equal("evaluator", Assert.Throws<ArgumentNullException>(() => PlanDecider.Decide(plan, situation, null!, plan.CreateBuffer())).ParamName);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => PlanDecider.Decide(plan, situation, evaluator, null!)).ParamName);
    }

    [Fact]
    public void DecideIntoBuffer_TwoUnknownClausesReadingOneFact_ThatFactMissing()
    {
        string power = "\"road-check\": { \"title\": \"Road check\", \"cite\": \"Test Act, s. 13\", \"clauses\": [ " +
            "{ \"id\": \"authorised\", \"when\": \"roadCheckAuthorised\", \"cite\": \"PACE s. 4\", \"text\": \"Authorised.\" }, " +
            "{ \"id\": \"authorised-or-uniform\", \"when\": \"roadCheckAuthorised or inUniform\", \"cite\": \"PACE s. 4\", \"text\": \"Either.\" } ] }";
        var library = TestLibrary.Compile(("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", power))).ThrowIfFailed();
        var day = new DateOnly(2010, 6, 1);
        var plan = PlanBuilder.Build(library, library.VersionInForce("test", day), Designation.AdHoc("kent", new HashSet<string> { "road-check" }), day);
        var situation = new Situation(library.Schema);
        situation.Set("inUniform", false);
        var buffer = plan.CreateBuffer();

        PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);

        int road = library.IndexOfPower("road-check");
        Assert.Equal(Outcome.Undetermined, buffer.Outcomes[road]);
        Assert.Equal(UInt128.One << library.Schema.Get("roadCheckAuthorised").Index, buffer.Missing[road]);
    }

    [Fact]
    public void Decide_UnknownFact_UndeterminedNamingIt()
    {
        var d = Decide("2010-06-01", Kent(), ("inUniform", "true"));
        var power = d.Find("road-check")!;
        Assert.Equal(Outcome.Undetermined, power.Outcome);
        Assert.Equal(["roadCheckAuthorised"], power.Missing.Select(f => f.Name));
    }

    [Fact]
    public void Decide_PowerForOtherForcesOnly_NotInForce()
    {
        var d = Decide("2010-06-01", Designation.AdHoc("essex", new HashSet<string> { "cordon" }));
        Assert.Equal(Outcome.NotInForce, OutcomeOf(d, "cordon"));
        Assert.Contains("only for the forces kent", d.Find("cordon")!.Plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NotGranted_NotDesignated()
    {
        var d = Decide("2010-06-01", Kent());
        Assert.Equal(Outcome.NotDesignated, OutcomeOf(d, "cordon"));
        Assert.Equal(Outcome.NotInForce, OutcomeOf(d, "entry-to-save-life"));
    }

    [Fact]
    public void Decide_RequiredPowerMissing_NotDesignated()
    {
        var without = Decide("2010-06-01", Kent("detain-pending-constable"), ("inUniform", "true"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.NotDesignated, OutcomeOf(without, "detain-pending-constable"));
        var with = Decide("2010-06-01", Kent("detain-pending-constable", "require-name-and-address"), ("inUniform", "true"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.Permitted, OutcomeOf(with, "detain-pending-constable"));
    }

    [Fact]
    public void Decide_StoredDesignationOutsideItsRange_ConfersNothing()
    {
        Assert.True(Library.TryGetDesignation("kent-cordon", out var kent));
        Assert.Equal(Outcome.NotDesignated, OutcomeOf(Decide("2010-06-01", kent), "cordon"));
        Assert.Equal(Outcome.Undetermined, OutcomeOf(Decide("2011-06-01", kent), "cordon"));
    }

    [Fact]
    public void Decide_StoredDesignationOutsideItsRange_NoStandardPowersEither()
    {
        Assert.True(Library.TryGetDesignation("kent-cordon", out var kent));
        var d = Decide("2010-06-01", kent, ("inUniform", "true"), ("roadCheckAuthorised", "true"));
        Assert.Equal(Outcome.NotDesignated, OutcomeOf(d, "road-check"));
        Assert.Contains("standard powers included", d.Find("road-check")!.Plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DesignationRestriction_IsAClause()
    {
        Assert.True(Library.TryGetDesignation("kent-cordon", out var kent));
        var d = Decide("2011-06-01", kent, ("inUniform", "true"), ("inCordonedArea", "true"), ("cordonAgeDays", "3"), ("inPoliceArea", "false"));
        var power = d.Find("cordon")!;
        Assert.Equal(Outcome.Denied, power.Outcome);
        Assert.Equal(["uniform", "in-cordon", "area-only"], power.Clauses.Select(c => c.Clause.Id));
        Assert.Equal(Tri.False, power.Clauses[2].Status);
    }

    [Theory]
    [InlineData("27", Outcome.Permitted)]
    [InlineData("28", Outcome.Denied)]
    public void Decide_TimeLimit_BothSides(string days, Outcome expected)
    {
        Assert.True(Library.TryGetDesignation("kent-cordon", out var kent));
        var d = Decide("2011-06-01", kent, ("inUniform", "true"), ("inCordonedArea", "true"), ("cordonAgeDays", days), ("inPoliceArea", "true"));
        Assert.Equal(expected, OutcomeOf(d, "cordon"));
    }

    [Fact]
    public void Decide_ZeroAllocationPath_MatchesRichDecision()
    {
        var engine = new PowersEngine(Library);
        var situation = new Situation(Library.Schema);
        situation.Set(Library.Schema.Facts.Single(f => f.Name == "inUniform"), true);
        var plan = PlanBuilder.Build(Library, Library.VersionInForce("test", new DateOnly(2010, 6, 1)), Kent(), new DateOnly(2010, 6, 1));
        var buffer = plan.CreateBuffer();
        engine.Decide(plan, situation, buffer);
        var rich = Decision.FromBuffer(plan, buffer);
        Assert.Equal(rich.Powers.Select(p => p.Outcome), buffer.Outcomes);
        Assert.Equal(Outcome.Undetermined, buffer.Outcomes[Library.IndexOfPower("road-check")]);
    }

    [Fact]
    public void Decide_ReferenceInterpreterOnEveryShippedPlan_AllocatesNothing()
    {
        // The engine's own clause-by-clause path (a plan cache's until a plan is compiled) is on the hot path too.
        var library = ShippedLibrary.Instance;
        var engine = new PowersEngine(library);
        var plans = LibraryPlans.All(library).Select(p => (Plan: p, Buffer: p.CreateBuffer())).ToList();
        var random = new RandomSituations(library, seed: 11);
        var situations = Enumerable.Range(0, 20).Select(i => random.Next(i % 2 == 0 ? 1.0 : 0.5)).ToList();
        foreach (var (plan, buffer) in plans)
        {
            engine.Decide(plan, situations[0], buffer);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (plan, buffer) in plans)
        {
            foreach (var situation in situations)
            {
                engine.Decide(plan, situation, buffer);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private sealed class UnknownEvaluator : IClauseEvaluator
    {
        public string Name => "unknown";

        public Tri Evaluate(Clause clause, Situation situation) => Tri.Unknown;
    }

    [Fact]
    public void Build_GeneralClauseOfSeveralPowers_HeldOnceAndNamedByEach()
    {
        // A plan holds each clause once (a decision evaluates it once, and the compiled program once per situation):
        // the version's general uniform clause, read by the road check and the cordon, is one clause both name.
        var day = new DateOnly(2012, 6, 1);

        var plan = PlanBuilder.Build(Library, Library.VersionInForce("test", day), Kent("cordon"), day);

        int uniform = Assert.Single(Enumerable.Range(0, plan.Clauses.Count), i => plan.Clauses[i].Id == "uniform");
        Assert.Contains(uniform, plan.Powers[Library.IndexOfPower("road-check")].ClauseIndices);
        Assert.Contains(uniform, plan.Powers[Library.IndexOfPower("cordon")].ClauseIndices);
    }
}
