using System.Text.Json.Nodes;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Deciding;

/// <summary>
/// The compiled program on a small plan with every kind of power, its outcomes written over whatever the caller's
/// arrays held (the buffers are reused per thread), and its refusal of arrays and situations not made for the plan.
/// <see cref="DecisionProgramTests"/> compares every shipped plan with the interpreter; these need no shipped plan.
/// </summary>
public class DecisionProgramContractTests
{
    // Version "a" from 2010: the catalogue's first power (a penalty notice for disorder) read from inUniform, the road
    // check (standard, roadCheckAuthorised) and the cordon (inCordonedArea); every other power of the catalogue is not
    // in it. The ad-hoc Kent designation grants the penalty notice only.
    private static readonly RuleLibrary Library = Build();

    private static readonly DateOnly Day = new(2010, 6, 1);

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            TestLibrary.Power("issue-penalty-notice-disorder", "inUniform"),
            TestLibrary.Power("road-check", "roadCheckAuthorised"),
            TestLibrary.Power("cordon", "inCordonedArea"),
        ]);
        string version = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers, extra: "  \"standard\": [\"road-check\"],\n");
        return TestLibrary.Compile(("test/a.json", version)).ThrowIfFailed();
    }

    // The repository's facts and one more: a schema of another size, which a situation of it gives away.
    private static RuleLibrary OneFactMore()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRules.Directory, "facts.json")))!.AsObject();
        schema["facts"]!.AsObject()["oneFactMore"] = new JsonObject { ["type"] = "bool", ["text"] = "A fact the plan's schema lacks." };
        return TestLibrary.Compile(("facts.json", schema.ToJsonString()), ("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", TestLibrary.Power("road-check", "inUniform")))).ThrowIfFailed();
    }

    private static DecisionPlan Plan() =>
        PlanBuilder.Build(Library, Library.VersionInForce("test", Day), Designation.AdHoc("kent", new HashSet<string> { "issue-penalty-notice-disorder" }), Day);

    private static int Index(string power) => Library.IndexOfPower(power);

    // Out of uniform (so the penalty notice fails), the road check's authority not known, the cordon not asked.
    private static Situation OutOfUniform()
    {
        var situation = new Situation(Library.Schema);
        situation.Set("inUniform", false);
        return situation;
    }

    // Per power, from the plan's law: the penalty notice denied (its one clause fails), the road check undetermined
    // (a standard power, its clause unknown), the cordon in force but not granted, every other power not in force.
    private static Outcome[] Expected()
    {
        var expected = new Outcome[Library.Powers.Count];
        Array.Fill(expected, Outcome.NotInForce);
        expected[Index("issue-penalty-notice-disorder")] = Outcome.Denied;
        expected[Index("road-check")] = Outcome.Undetermined;
        expected[Index("cordon")] = Outcome.NotDesignated;
        return expected;
    }

    [Fact]
    public void DecideOutcomes_ArrayHoldingAnotherDecision_EveryPowerWrittenFromThePlan()
    {
        var program = DecisionProgram.Compile(Plan());
        var outcomes = new Outcome[Library.Powers.Count];
        Array.Fill(outcomes, Outcome.Permitted);

        program.DecideOutcomes(OutOfUniform(), outcomes);

        Assert.Equal(0, Index("issue-penalty-notice-disorder"));
        Assert.Equal(Expected(), outcomes);
    }

    [Fact]
    public void Decide_BufferHoldingAnotherDecision_OutcomesAndMissingFactsFromThePlan()
    {
        var plan = Plan();
        var program = DecisionProgram.Compile(plan);
        var buffer = plan.CreateBuffer();
        Array.Fill(buffer.Outcomes, Outcome.Permitted);
        Array.Fill(buffer.Missing, UInt128.MaxValue);

        program.Decide(OutOfUniform(), buffer);

        Assert.Equal(Expected(), buffer.Outcomes);
        // Missing facts only for the undetermined power (docs/contract.md), the one fact its clause reads.
        var missing = new UInt128[Library.Powers.Count];
        missing[Index("road-check")] = UInt128.One << Library.Schema.Get("roadCheckAuthorised").Index;
        Assert.Equal(missing, buffer.Missing);
    }

    [Fact]
    public void Compile_NullPlan_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentNullException>(() => DecisionProgram.Compile(null!));
        Assert.Equal("plan", e.ParamName);
    }

    [Fact]
    public void DecideOutcomes_NullArguments_ThrowNamingThem()
    {
        var program = DecisionProgram.Compile(Plan());

        Assert.Equal("situation", Assert.Throws<ArgumentNullException>(() => program.DecideOutcomes(null!, new Outcome[Library.Powers.Count])).ParamName);
        Assert.Equal("outcomes", Assert.Throws<ArgumentNullException>(() => program.DecideOutcomes(OutOfUniform(), null!)).ParamName);
    }

    [Fact]
    public void Decide_NullArguments_ThrowNamingThem()
    {
        var plan = Plan();
        var program = DecisionProgram.Compile(plan);

        Assert.Equal("situation", Assert.Throws<ArgumentNullException>(() => program.Decide(null!, plan.CreateBuffer())).ParamName);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => program.Decide(OutOfUniform(), null!)).ParamName);
    }

    [Fact]
    public void DecideOutcomes_ArrayOneShorterThanThePowers_Refused()
    {
        var program = DecisionProgram.Compile(Plan());

        var e = Assert.Throws<ArgumentException>(() => program.DecideOutcomes(OutOfUniform(), new Outcome[Library.Powers.Count - 1]));

        Assert.Equal("outcomes", e.ParamName);
        Assert.StartsWith("The outcome array is shorter than the plan's powers.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideOutcomes_SituationOfAnotherSchema_Refused()
    {
        var program = DecisionProgram.Compile(Plan());
        var other = new Situation(OneFactMore().Schema);

        var e = Assert.Throws<ArgumentException>(() => program.DecideOutcomes(other, new Outcome[Library.Powers.Count]));

        Assert.Equal("situation", e.ParamName);
        Assert.StartsWith("The situation follows another fact schema.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SituationOfAnotherSchema_Refused()
    {
        // The explained path checks the schema as the outcomes path does: a situation of another schema would
        // otherwise be read by this plan's fact indexes.
        var plan = Plan();
        var program = DecisionProgram.Compile(plan);
        var other = new Situation(OneFactMore().Schema);

        var e = Assert.Throws<ArgumentException>(() => program.Decide(other, plan.CreateBuffer()));

        Assert.Equal("situation", e.ParamName);
        Assert.StartsWith("The situation follows another fact schema.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BufferOneClauseOrOnePowerShort_RefusedAndOneOfTheRightSizeAccepted()
    {
        var plan = Plan();
        var program = DecisionProgram.Compile(plan);
        int powers = plan.Powers.Count;
        int clauses = plan.Clauses.Count;

        // A buffer whose outcomes are long enough but whose clause statuses are one short, then one whose missing
        // masks are one short (its outcomes too, which the outcome check refuses first): neither was made for the plan.
        var fewerStatuses = Assert.Throws<ArgumentException>(() => program.Decide(OutOfUniform(), new DecisionBuffer(powers, clauses - 1)));
        Assert.Equal("buffer", fewerStatuses.ParamName);
        Assert.StartsWith("The buffer was not made for this plan.", fewerStatuses.Message, StringComparison.Ordinal);
        program.Decide(OutOfUniform(), new DecisionBuffer(powers, clauses));
    }

    [Fact]
    public void Decide_BufferLargerThanThePlan_Accepted()
    {
        // Like an outcome array "at least PowerCount long", a larger buffer holds the plan's decision in its first slots.
        var plan = Plan();
        var program = DecisionProgram.Compile(plan);
        var buffer = new DecisionBuffer(plan.Powers.Count + 1, plan.Clauses.Count + 1);

        program.Decide(OutOfUniform(), buffer);

        Assert.Equal(Expected(), buffer.Outcomes[..^1]);
    }
}
