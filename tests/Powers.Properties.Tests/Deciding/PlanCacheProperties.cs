using Powers.Deciding;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Planning;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Deciding;

public class PlanCacheProperties
{
    // One cache across every case, so plans are shared between queries on other dates and designations, and
    // compiled after two uses, so most cases are decided by a compiled program.
    private static readonly PlanCache Shared = new(ShippedLibrary.Instance, ReferenceInterpreter.Instance, compileAfter: 2);

    [PowersProperty(200)]
    public void Decide_ThroughTheSharedCache_SameDocumentAsAFreshPlanAndTheInterpreter(PartialQuery query)
    {
        SameAsAFreshPlan(query.Case);
    }

    [PowersProperty(200)]
    public void Decide_AdHocDesignationsSharingAKey_SameDocumentAsAFreshPlan(SharedAdHocQuery query)
    {
        // Plans are shared by ad-hoc designations with the same force and powers whose made days fall under the
        // same transitional rules; a key that ignored a rule would decide one of them with another's plan.
        SameAsAFreshPlan(query.Case);
    }

    private static void SameAsAFreshPlan(QueryCase q)
    {
        var cached = Shared.Get(q.Version, q.Designation, q.Date);
        var buffer = cached.Plan.CreateBuffer();
        cached.Decide(q.Situation, buffer);
        // The plan may have been built for another query (another date, or another made day under the same
        // transitional rules); the decision reports this query's own date and designation.
        string viaCache = Document(Decision.FromBuffer(cached.Plan, q.Designation, q.Date, buffer, null));

        var fresh = PlanBuilder.Build(q.Library, q.Version, q.Designation, q.Date);
        var expected = fresh.CreateBuffer();
        PlanDecider.Decide(fresh, q.Situation, ReferenceInterpreter.Instance, expected);
        string viaFreshPlan = Document(Decision.FromBuffer(fresh, expected));

        PropertyViolationException.Check(viaCache == viaFreshPlan, () => "the cached plan decides otherwise:" + Environment.NewLine + viaCache + Environment.NewLine + viaFreshPlan);
    }

    private static string Document(Decision decision) => DecisionJsonWriter.ToJson(decision, DecisionDetail.Full, null, indented: false);
}
