using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Tests.TestSupport;
using Powers.TestSupport;

namespace Powers.Tests.Decisions;

public class DecisionTests
{
    [Fact]
    public void ConfidenceAt_EveryShippedPlanAndRandomSituations_SameAsTheRichView()
    {
        // The rich view's confidence (PowerDecision.Confidence, from the readings it names) is the specification;
        // ConfidenceAt reads the same rule from the compact result. Some power must come out low for the test to bite.
        var library = ShippedLibrary.Instance;
        var situations = new RandomSituations(library, seed: 10);
        int low = 0;
        foreach (var plan in LibraryPlans.All(library))
        {
            var buffer = plan.CreateBuffer();
            for (int i = 0; i < 8; i++)
            {
                var situation = situations.Next(i % 2 == 0 ? 1.0 : 0.6);
                PlanDecider.Decide(plan, situation, ReferenceInterpreter.Instance, buffer);
                var decision = Decision.FromBuffer(plan, buffer);
                for (int p = 0; p < decision.Count; p++)
                {
                    Assert.Equal(decision.Powers[p].Confidence, decision.ConfidenceAt(p));
                    low += decision.ConfidenceAt(p) == Confidence.Low ? 1 : 0;
                }
            }
        }

        Assert.True(low > 0);
    }

    [Fact]
    public void ConfidenceAt_DenialByAFirmClauseBesideALowOne_High()
    {
        // A firm clause that fails denies whatever a low-confidence clause says: the denial rests on it alone.
        string powers = TestLibrary.Power("road-check", "roadCheckAuthorised");
        powers = powers.Replace("\"clauses\": [", "\"clauses\": [ { \"id\": \"uniform\", \"when\": \"inUniform\", \"cite\": \"TA s. 2\", \"text\": \"In uniform.\", \"confidence\": \"low\", \"note\": \"Unsettled.\" },", StringComparison.Ordinal);
        var library = TestLibrary.Compile(("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers, extra: "  \"standard\": [\"road-check\"],\n"))).ThrowIfFailed();
        var engine = new PowersEngine(library);
        var designation = Designation.AdHoc("kent", new HashSet<string>(StringComparer.Ordinal));
        var date = new DateOnly(2011, 1, 1);
        var firmFails = new Situation(library.Schema);
        firmFails.Set("inUniform", true);
        firmFails.Set("roadCheckAuthorised", false);
        var lowFails = new Situation(library.Schema);
        lowFails.Set("inUniform", false);
        lowFails.Set("roadCheckAuthorised", true);

        var denied = engine.Decide(new Query(date, library.VersionInForce("test", date), designation, firmFails));
        var deniedOnTheLowClause = engine.Decide(new Query(date, library.VersionInForce("test", date), designation, lowFails));

        int roadCheck = library.IndexOfPower("road-check");
        Assert.Equal(Outcome.Denied, denied.OutcomeAt(roadCheck));
        Assert.Equal(Confidence.High, denied.ConfidenceAt(roadCheck));
        Assert.Equal(Outcome.Denied, deniedOnTheLowClause.OutcomeAt(roadCheck));
        Assert.Equal(Confidence.Low, deniedOnTheLowClause.ConfidenceAt(roadCheck));
    }
}
