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

    /// <summary>
    /// The scenarios' query documents, named for what they measure. A <c>complete-</c> scenario states every fact the
    /// powers conferred on that designation on that day read, so no power is undetermined and nothing is explained
    /// (<see cref="Scenario(string)"/> refuses one that leaves a power undetermined, so adding law cannot quietly turn
    /// it into a residual search); a <c>partial-</c> scenario leaves about 40% of those facts unknown (18 of 46, 8 of
    /// 21), so <c>full</c> searches what would permit each undetermined power.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // A CSO at a terrorism cordon with a s.47A authorisation, a refused name and address, litter and alcohol; 46 facts.
        ["complete-2013"] = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"constableInCompany":false,"riskToLifeOrLimb":true,"riskOfSeriousDamage":false,"roadCheckAuthorised":true,"inCordonedArea":true,"cordonAgeDays":3,"terrorismAuthorisation":"s47a","authorisationAgeHours":20,"authorisationConfirmed":true,"searchOf":"item-carried","suspectedConduct":"relevant-offence","nameAndAddress":"refused","minutesDetained":12,"escortingAbnormalLoad":false,"penaltyOffence":"litter","offenderFoundOnOccasion":true,"alcoholConsumptionBelieved":true,"alcoholControlArea":"designated-public-place","controlledDrug":"found","possessionBelievedUnlawful":true,"licensingOffenceOnLicensedPremises":false,"roadTrafficOffenceBelieved":"none","inRelevantPlace":false,"youngPersonAlcoholSuspicion":"none","apparentAge":30,"smokingInPublicPlace":false,"vehicleMisuseCausingAlarm":false,"alarmVehicleAction":"seize-and-remove","warningGivenOrDispensed":false,"entryForVehicle":"none","vehicleRemovalGrounds":"none","regulatingTraffic":false,"trafficSurvey":false,"directionTo":"pedestrian","extraordinaryCircumstances":false,"trafficSignPurpose":false,"trafficSignAgeHours":2,"photographSubject":"other","photographOnOccasionOfEvent":false,"atPlaceByelawRelatesTo":false,"authorisationAgeDays":0,"ridingCycleOnRoad":false,"searchPurpose":"terrorism-articles","waitTrigger":"name-and-address"}}""",
        // A s.44 vehicle search with a constable, nothing else going on; 48 facts.
        ["complete-s44-2008"] = """{"date":"2008-06-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"constableInCompany":true,"terrorismAuthorisation":"s44","authorisationAgeHours":10,"authorisationConfirmed":false,"searchOf":"vehicle","searchPurpose":"terrorism-articles","suspectedConduct":"none","nameAndAddress":"not-asked","waitTrigger":"search-refused","minutesDetained":0,"roadCheckAuthorised":false,"inCordonedArea":false,"cordonAgeDays":0,"riskToLifeOrLimb":false,"riskOfSeriousDamage":false,"escortingAbnormalLoad":false,"penaltyOffence":"none","offenderFoundOnOccasion":false,"roadTrafficOffenceBelieved":"none","alcoholConsumptionBelieved":false,"alcoholControlArea":"none","sealedContainer":false,"consumptionInRelevantPlaceBelieved":false,"inRelevantPlace":false,"youngPersonAlcoholSuspicion":"none","apparentAge":30,"smokingInPublicPlace":false,"possessionBelievedUnlawful":false,"controlledDrug":"none","vehicleMisuseCausingAlarm":false,"alarmVehicleAction":"seize-and-remove","warningGivenOrDispensed":false,"entryForVehicle":"none","vehicleRemovalGrounds":"none","ridingCycleOnRoad":false,"regulatingTraffic":false,"trafficSurvey":false,"directionTo":"pedestrian","extraordinaryCircumstances":false,"trafficSignPurpose":false,"trafficSignAgeHours":2,"photographSubject":"other","photographOnOccasionOfEvent":false,"atPlaceByelawRelatesTo":false,"authorisationAgeDays":0,"licensingOffenceOnLicensedPremises":false}}""",
        // An ad-hoc designation of two powers at an authorised road check; 5 facts.
        ["complete-adhoc-2018"] = """{"date":"2018-06-01","designation":{"force":"kent","powers":["road-check","require-name-and-address"],"made":"2018-01-10"},"facts":{"inUniform":true,"inPoliceArea":true,"roadCheckAuthorised":true,"suspectedConduct":"relevant-offence","atPlaceByelawRelatesTo":false}}""",
        // complete-2013 with 18 of its 46 facts unknown: 7 powers undetermined.
        ["partial-2013"] = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"riskToLifeOrLimb":true,"roadCheckAuthorised":true,"inCordonedArea":true,"terrorismAuthorisation":"s47a","authorisationAgeHours":20,"suspectedConduct":"relevant-offence","minutesDetained":12,"escortingAbnormalLoad":false,"penaltyOffence":"litter","alcoholConsumptionBelieved":true,"controlledDrug":"found","roadTrafficOffenceBelieved":"none","inRelevantPlace":false,"smokingInPublicPlace":false,"vehicleMisuseCausingAlarm":false,"warningGivenOrDispensed":false,"entryForVehicle":"none","regulatingTraffic":false,"directionTo":"pedestrian","extraordinaryCircumstances":false,"trafficSignPurpose":false,"photographOnOccasionOfEvent":false,"atPlaceByelawRelatesTo":false,"authorisationAgeDays":0,"ridingCycleOnRoad":false,"searchPurpose":"terrorism-articles"}}""",
        // Anti-social behaviour in a public place, 8 of the 21 facts read unknown (the dispersal authorisation among them).
        ["partial-2018"] = """{"date":"2018-06-01","designation":"met-safer-neighbourhood","facts":{"inUniform":true,"inPoliceArea":true,"suspectedConduct":"anti-social-behaviour","inPublicPlace":true,"dispersalAction":"remove-under-16","blocksProtectedAttendance":false,"dispersalDirectionGiven":false,"dispersalGrounds":true,"alcoholConsumptionBelieved":false,"alcoholControlArea":"none","inRelevantPlace":false,"youngPersonAlcoholSuspicion":"none","riskToLifeOrLimb":false}}""",
    };

    /// <summary>Whether a scenario states every fact its powers read (named <c>complete-</c>).</summary>
    public static bool IsComplete(string name) => name.StartsWith("complete-", StringComparison.Ordinal);

    /// <summary>Resolves a scenario and computes its reference decision.</summary>
    public static Scenario Scenario(string name) => Scenario(name, Queries[name]);

    /// <summary>Resolves a query document as a scenario of that name (a <c>complete-</c> one must leave no power undetermined).</summary>
    public static Scenario Scenario(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(name);
        var errors = new List<QueryError>();
        var query = QueryReader.Parse(Library, json, errors) ?? throw new InvalidOperationException("Scenario " + name + ": " + string.Join("; ", errors.Select(e => e.Field + ": " + e.Message)));
        var plan = PlanBuilder.Build(Library, query.Version, query.Designation, query.Date);
        var expected = plan.CreateBuffer();
        PlanDecider.Decide(plan, query.Situation, ReferenceInterpreter.Instance, expected);
        int undetermined = Array.IndexOf(expected.Outcomes, Outcome.Undetermined, 0, plan.Powers.Count);
        if (IsComplete(name) && undetermined >= 0)
        {
            throw new InvalidOperationException("Scenario " + name + " is named complete, but leaves " + plan.Powers[undetermined].Power.Id + " undetermined: state the facts it reads");
        }

        if (!IsComplete(name) && undetermined < 0)
        {
            throw new InvalidOperationException("Scenario " + name + " is partial, but decides every power: leave some of the facts its powers read unknown");
        }
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
