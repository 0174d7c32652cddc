using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Benchmarks;

/// <summary>The shipped library, compiled once per process, and the scenarios every benchmark uses.</summary>
public static class BenchmarkData
{
    /// <summary>The embedded rule library.</summary>
    public static RuleLibrary Library => ShippedLibrary.Instance;

    /// <summary>The scenario names, for <c>[Params]</c>.</summary>
    public static IEnumerable<string> ScenarioNames => Queries.Keys;

    /// <summary>The scenarios' query documents: complete and partial facts, several versions and designations.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["s44-search-2008"] = """{"date":"2008-06-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"constableInCompany":true,"terrorismAuthorisation":"s44","authorisationAgeHours":10,"authorisationConfirmed":false,"searchOf":"vehicle"}}""",
        ["complete-2013"] = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"constableInCompany":false,"riskToLifeOrLimb":true,"riskOfSeriousDamage":false,"roadCheckAuthorised":true,"inCordonedArea":true,"cordonAgeDays":3,"terrorismAuthorisation":"s47a","authorisationAgeHours":20,"authorisationConfirmed":true,"searchOf":"item-carried","suspectedConduct":"relevant-offence","nameAndAddress":"refused","minutesDetained":12,"personMakingOff":true,"escortingAbnormalLoad":false}}""",
        ["adhoc-2018"] = """{"date":"2018-06-01","designation":{"force":"kent","powers":["road-check","require-name-and-address"],"made":"2018-01-10"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true,"suspectedConduct":"relevant-offence"}}""",
        ["partial-2018"] = """{"date":"2018-06-01","designation":"met-pcso-base","facts":{"inUniform":true,"suspectedConduct":"anti-social-behaviour","minutesDetained":5}}""",
    };

    /// <summary>Resolves a scenario and computes its reference decision.</summary>
    public static Scenario Scenario(string name)
    {
        string json = Queries[name];
        var errors = new List<QueryError>();
        var query = QueryReader.Parse(Library, json, errors) ?? throw new InvalidOperationException("Scenario " + name + ": " + string.Join("; ", errors.Select(e => e.Field + ": " + e.Message)));
        var plan = PlanBuilder.Build(Library, query.Version, query.Designation, query.Date);
        var expected = plan.CreateBuffer();
        PlanDecider.Decide(plan, query.Situation, ReferenceInterpreter.Instance, expected);
        return new Scenario(name, json, query, plan, expected);
    }

    /// <summary>Throws unless the outcomes agree with the expected decision.</summary>
    public static void CheckOutcomes(string what, DecisionBuffer expected, ReadOnlySpan<Outcome> actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        for (int p = 0; p < expected.Outcomes.Length; p++)
        {
            if (expected.Outcomes[p] != actual[p])
            {
                throw new InvalidOperationException(what + ": power " + p + " is " + actual[p] + ", the reference interpreter says " + expected.Outcomes[p]);
            }
        }
    }

    /// <summary>Throws unless a whole explained decision agrees with the expected one.</summary>
    public static void CheckExplained(string what, DecisionPlan plan, DecisionBuffer expected, DecisionBuffer actual)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        CheckOutcomes(what, expected, actual.Outcomes);
        for (int p = 0; p < expected.Missing.Length; p++)
        {
            if (expected.Missing[p] != actual.Missing[p])
            {
                throw new InvalidOperationException(what + ": missing facts of power " + p + " differ");
            }
        }

        for (int c = 0; c < plan.Clauses.Count; c++)
        {
            if (expected.Statuses[c] != actual.Statuses[c])
            {
                throw new InvalidOperationException(what + ": clause " + plan.Clauses[c].Id + " is " + actual.Statuses[c] + ", expected " + expected.Statuses[c]);
            }
        }
    }
}
