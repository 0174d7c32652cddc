using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Planning;

/// <summary>
/// The reason a plan gives for each fixed outcome (not in force, not designated) and the notes it falls back on for a
/// low-confidence reading without one: the words a user reads in a decision, pinned whole, each built from the rule
/// files written here (version "test@a", the powers' cites, the designation's id and dates).
/// </summary>
public class PlanReasonTests
{
    // Version "a" from 2010 to 2014: the road check and detention (standard), the cordon (in force for Kent and Essex
    // only; its clause low, with a note), name and address, detention (only together with name and address, Test Act,
    // s. 2(3)), reasonable force (only together with the cordon and name and address, Test Act, s. 3), the litter power (low, without a note), entry to save life (in force in Wales only) and the truancy
    // notice (in force in Wales and England, written in that order); no power at all for the City of London's CSOs.
    // Version "b" from 2015 extends it, with one transitional rule: designations made before 2015 keep version a's
    // rules for detention (Test Regulations 2015, reg. 4). Stored designations: kent-cordon (cordon) from 2011,
    // kent-old (cordon) in 2010 only, guessed (cordon, low, no note or source), sourced (cordon, low, a source).
    private static readonly RuleLibrary Library = Build();

    private static readonly DateOnly Day = new(2011, 6, 1);

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            TestLibrary.Power("road-check", "roadCheckAuthorised"),
            "\"cordon\": { \"title\": \"Cordon\", \"cite\": \"Test Act, s. 14\", \"forces\": [\"kent\", \"essex\"], \"clauses\": [ { \"id\": \"in-cordon\", \"when\": \"inCordonedArea\", \"cite\": \"TA s. 35\", \"text\": \"In a cordon.\", \"confidence\": \"low\", \"note\": \"Whether the cordon must be marked is unsettled.\" } ] }",
            TestLibrary.Power("require-name-and-address", "suspectedConduct == 'relevant-offence'"),
            "\"detain-pending-constable\": { \"title\": \"Detain\", \"cite\": \"Test Act, s. 2(3)\", \"requires\": [\"require-name-and-address\"], \"clauses\": [ { \"id\": \"time\", \"when\": \"minutesDetained < 30\", \"cite\": \"s. 2(3)\", \"text\": \"Under 30 minutes.\" } ] }",
            "\"reasonable-force-to-detain\": { \"title\": \"Force\", \"cite\": \"Test Act, s. 3\", \"requires\": [\"cordon\", \"require-name-and-address\"], \"clauses\": [ { \"id\": \"force\", \"when\": \"inUniform\", \"cite\": \"s. 3\", \"text\": \"Force.\" } ] }",
            "\"issue-fixed-penalty-litter\": { \"title\": \"Litter\", \"cite\": \"Test Act, s. 88\", \"confidence\": \"low\", \"clauses\": [ { \"id\": \"litter\", \"when\": \"inUniform\", \"cite\": \"s. 88\", \"text\": \"Litter.\" } ] }",
            "\"entry-to-save-life\": { \"title\": \"Entry\", \"cite\": \"Test Act, s. 17\", \"nations\": [\"wales\"], \"clauses\": [ { \"id\": \"risk\", \"when\": \"riskToLifeOrLimb\", \"cite\": \"s. 17\", \"text\": \"Risk.\" } ] }",
            "\"issue-penalty-notice-truancy\": { \"title\": \"Truancy\", \"cite\": \"Test Act, s. 44\", \"nations\": [\"wales\", \"england\"], \"clauses\": [ { \"id\": \"truant\", \"when\": \"inUniform\", \"cite\": \"s. 44\", \"text\": \"Truant.\" } ] }",
        ]);
        string exclusion = "  \"notInForceFor\": [ { \"forces\": [\"city-of-london\"], \"cite\": \"Test Order, art. 2\", \"text\": \"Not for the City.\" } ],\n";
        string version = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2014-12-31\" }", powers, extra: "  \"standard\": [\"road-check\", \"detain-pending-constable\"],\n" + exclusion);
        string next = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2015-01-01\" }, \"extends\": \"a\",\n" +
            "  \"preserve\": [ { \"id\": \"old-designations\", \"madeBefore\": \"2015-01-01\", \"version\": \"a\", \"powers\": [\"detain-pending-constable\"], \"cite\": \"Test Regulations 2015, reg. 4\" } ],\n" +
            "  \"powers\": {}\n}\n";
        string designation = "{ \"designation\": \"kent-cordon\", \"title\": \"Kent\", \"force\": \"kent\", \"effective\": { \"from\": \"2011-01-01\" }, \"powers\": [\"cordon\"] }";
        string guessed = "{ \"designation\": \"guessed\", \"title\": \"Kent, reconstructed\", \"force\": \"kent\", \"effective\": { \"from\": \"2010-01-01\" }, \"powers\": [\"cordon\"], \"confidence\": \"low\" }";
        string sourced = "{ \"designation\": \"sourced\", \"title\": \"Kent, from a report\", \"force\": \"kent\", \"effective\": { \"from\": \"2010-01-01\" }, \"powers\": [\"cordon\"], \"confidence\": \"low\", \"source\": \"Kent Police Authority, report of 2010\" }";
        string old = "{ \"designation\": \"kent-old\", \"title\": \"Kent, 2010\", \"force\": \"kent\", \"effective\": { \"from\": \"2010-01-01\", \"until\": \"2010-12-31\" }, \"powers\": [\"cordon\"] }";
        return TestLibrary.Compile(("test/a.json", version), ("test/b.json", next), ("designations/kent.json", designation), ("designations/kent-old.json", old), ("designations/guessed.json", guessed), ("designations/sourced.json", sourced)).ThrowIfFailed();
    }

    private static PowerPlan PlanOf(Designation designation, string power, DateOnly? date) =>
        PlanBuilder.Build(Library, date is { } d ? Library.VersionInForce("test", d) : null, designation, date).Powers[Library.IndexOfPower(power)];

    private static Designation KentCordon => Library.TryGetDesignation("kent-cordon", out var d) ? d : throw new InvalidOperationException();

    private static Designation KentOld => Library.TryGetDesignation("kent-old", out var d) ? d : throw new InvalidOperationException();

    private static Designation AdHoc(string force, params string[] powers) => Designation.AdHoc(force, powers.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void Build_NoVersionAndNoDate_EveryPowerNotInForceAsNoneSelected()
    {
        var plan = PlanBuilder.Build(Library, null, AdHoc("kent", "cordon"), null);

        Assert.All(plan.Powers, p => Assert.Equal(PowerPlanKind.NotInForce, p.Kind));
        Assert.All(plan.Powers, p => Assert.Equal("No version of the law is selected.", p.Reason));
    }

    [Fact]
    public void Build_PowerTheVersionLacks_NotInForceNamingTheVersion()
    {
        var plan = PlanOf(AdHoc("kent", "issue-penalty-notice-disorder"), "issue-penalty-notice-disorder", Day);

        Assert.Equal(PowerPlanKind.NotInForce, plan.Kind);
        Assert.Equal("test@a does not confer this power on CSOs.", plan.Reason);
    }

    [Fact]
    public void Build_ForceTheVersionExcludes_NotInForceWithTheFilesReason()
    {
        var plan = PlanOf(AdHoc("city-of-london", "road-check"), "road-check", Day);

        Assert.Equal(PowerPlanKind.NotInForce, plan.Kind);
        Assert.Equal("Not for the City. (Test Order, art. 2) test@a confers no power on CSOs of 'city-of-london'.", plan.Reason);
    }

    [Fact]
    public void Build_PowerForOtherForces_NotInForceNamingThem()
    {
        var plan = PlanOf(AdHoc("surrey", "cordon"), "cordon", Day);

        Assert.Equal(PowerPlanKind.NotInForce, plan.Kind);
        Assert.Equal("test@a brings this power into force only for the forces essex, kent, not for 'surrey'.", plan.Reason);
    }

    [Fact]
    public void Build_PowerOfOneNationForAForceNotInTheCatalogue_NotInForceNationNotKnown()
    {
        var plan = PlanOf(AdHoc("atlantis", "entry-to-save-life"), "entry-to-save-life", Day);

        Assert.Equal(PowerPlanKind.NotInForce, plan.Kind);
        Assert.Equal("test@a brings this power into force only in wales, not for 'atlantis' (nation not known).", plan.Reason);
    }

    [Fact]
    public void Build_NotGrantedByAnAdHocDesignation_NotDesignatedNamingTheVersion()
    {
        var plan = PlanOf(AdHoc("kent"), "cordon", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Not conferred by the designation, and not a standard power in test@a.", plan.Reason);
    }

    [Fact]
    public void Build_NotGrantedByAStoredDesignation_NotDesignatedNamingIt()
    {
        var plan = PlanOf(KentCordon, "require-name-and-address", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Not conferred by designation 'kent-cordon', and not a standard power in test@a.", plan.Reason);
    }

    [Fact]
    public void Build_GrantedWithoutTwoPowersItRequires_NotDesignatedNamingBothInTheFilesOrder()
    {
        var plan = PlanOf(AdHoc("kent", "reasonable-force-to-detain"), "reasonable-force-to-detain", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Conferred only together with cordon, require-name-and-address, which this CSO does not have (Test Act, s. 3).", plan.Reason);
    }

    [Fact]
    public void Build_GrantedWithoutThePowerItRequires_NotDesignatedNamingTheRequirementAndCite()
    {
        var plan = PlanOf(AdHoc("kent", "detain-pending-constable"), "detain-pending-constable", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Conferred only together with require-name-and-address, which this CSO does not have (Test Act, s. 2(3)).", plan.Reason);
    }

    [Fact]
    public void Build_StoredDesignationBeforeItsRange_StandardPowerNotDesignatedAsNotYetMade()
    {
        // A person is a CSO only while designated (PRA s.38(5)): before 2011 not even the standard road check is held.
        // A stored designation without a made day is made when it comes into force.
        var plan = PlanOf(KentCordon, "road-check", new DateOnly(2010, 6, 1));

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("designation 'kent-cordon' is made after that date, so it confers nothing, standard powers included: they belong only to a designated CSO (PRA s.38(5)).", plan.Reason);
    }

    [Fact]
    public void Build_StoredDesignationAfterItsRange_StandardPowerNotDesignatedGivingTheRange()
    {
        var plan = PlanOf(KentOld, "road-check", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("designation 'kent-old' is not in force on that date (2010-01-01 to 2010-12-31), so it confers nothing, standard powers included: they belong only to a designated CSO.", plan.Reason);
    }

    [Fact]
    public void Build_AdHocDesignationMadeAfterTheDate_StandardPowerNotDesignatedAsNotYetMade()
    {
        var designation = Designation.AdHoc("kent", new HashSet<string> { "cordon" }, new DateOnly(2011, 6, 2));

        var plan = PlanOf(designation, "road-check", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("the designation is made after that date, so it confers nothing, standard powers included: they belong only to a designated CSO (PRA s.38(5)).", plan.Reason);
    }

    [Fact]
    public void Build_LowConfidencePowerWithoutANote_ReadingCitesThePowerAndSaysSo()
    {
        var plan = PlanOf(AdHoc("kent", "issue-fixed-penalty-litter"), "issue-fixed-penalty-litter", Day);

        Assert.Equal(PowerPlanKind.Evaluate, plan.Kind);
        var reading = Assert.Single(plan.Uncertain);
        Assert.Equal("Test Act, s. 88", reading.Cite);
        Assert.Equal("Marked low confidence without a note.", reading.Note);
    }

    [Fact]
    public void Build_ReconstructedDesignationWithoutANoteOrSource_ReadingCitesItsTitleAndSaysSo()
    {
        var plan = PlanOf(Library.TryGetDesignation("guessed", out var d) ? d : throw new InvalidOperationException(), "cordon", Day);

        Assert.Equal(PowerPlanKind.Evaluate, plan.Kind);
        var reading = Assert.Single(plan.Uncertain);
        Assert.Equal("Kent, reconstructed", reading.Cite);
        Assert.Equal("The designation is a reconstruction.", reading.Note);
    }

    [Fact]
    public void Build_PowerOfTwoNationsForAForceNotInTheCatalogue_NotInForceNamingBothInOrder()
    {
        var plan = PlanOf(AdHoc("atlantis", "issue-penalty-notice-truancy"), "issue-penalty-notice-truancy", Day);

        Assert.Equal(PowerPlanKind.NotInForce, plan.Kind);
        Assert.Equal("test@a brings this power into force only in england, wales, not for 'atlantis' (nation not known).", plan.Reason);
    }

    [Fact]
    public void Build_StandardPowerWithoutThePowerItRequires_NotDesignatedNamingTheRequirement()
    {
        // Detention is standard in version a, but only together with name and address, which this CSO lacks: the
        // reason is the missing requirement, not that the power is neither granted nor standard.
        var plan = PlanOf(AdHoc("kent", "cordon"), "detain-pending-constable", Day);

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Conferred only together with require-name-and-address, which this CSO does not have (Test Act, s. 2(3)).", plan.Reason);
    }

    [Fact]
    public void Build_PreservedPowerWithoutThePowerItRequires_NotDesignatedNamingTheTransitionalRule()
    {
        // Made in 2014, before version b's transitional rule: detention, which the designation grants itself, keeps
        // version a's rules (and its requirement), and name and address is neither granted nor kept.
        var designation = Designation.AdHoc("kent", new HashSet<string> { "detain-pending-constable" }, new DateOnly(2014, 6, 1));

        var plan = PlanOf(designation, "detain-pending-constable", new DateOnly(2016, 1, 1));

        Assert.Equal(PowerPlanKind.NotDesignated, plan.Kind);
        Assert.Equal("Conferred only together with require-name-and-address, which this CSO does not have (the transitional rule Test Regulations 2015, reg. 4 keeps only powers the designation itself grants) (Test Act, s. 2(3)).", plan.Reason);
    }

    [Fact]
    public void Build_ReconstructedDesignationWithASource_ReadingCitesTheSource()
    {
        var plan = PlanOf(Library.TryGetDesignation("sourced", out var d) ? d : throw new InvalidOperationException(), "cordon", Day);

        var reading = Assert.Single(plan.Uncertain);
        Assert.Equal("Kent Police Authority, report of 2010", reading.Cite);
        Assert.Equal("The designation is a reconstruction.", reading.Note);
    }

    [Fact]
    public void Readings_PermittedOnALowClauseUnderAReconstructedDesignation_TheDesignationsThenTheClausesWithItsNote()
    {
        // A permission rests on every clause: the plan's own reading (the designation) comes first, then the low
        // clause's, with the note its rule file gives.
        var decisionPlan = PlanBuilder.Build(Library, Library.VersionInForce("test", Day), Library.TryGetDesignation("guessed", out var d) ? d : throw new InvalidOperationException(), Day);
        var power = decisionPlan.Powers[Library.IndexOfPower("cordon")];
        var clause = decisionPlan.Clauses[Assert.Single(power.ClauseIndices)];

        var readings = Certainty.Readings(power, Outcome.Permitted, [new ClauseResult(clause, Tri.True)]);

        Assert.Equal(2, readings.Count);
        Assert.Equal(("Kent, reconstructed", "The designation is a reconstruction."), (readings[0].Cite, readings[0].Note));
        Assert.Equal(("TA s. 35", "Whether the cordon must be marked is unsettled."), (readings[1].Cite, readings[1].Note));
    }
}
