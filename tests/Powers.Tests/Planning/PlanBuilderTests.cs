using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Planning;

/// <summary>
/// Routes, transitional rules, removals with reasons, <c>granted('...')</c> and certainty, on a small library whose
/// expected outcomes follow from the rules written here (the shipped law is tested by the golden cases).
/// </summary>
public class PlanBuilderTests
{
    private static readonly RuleLibrary Library = Build();

    private static RuleLibrary Build()
    {
        string clause(string id, string when, string extra = "") =>
            "{ \"id\": \"" + id + "\", \"when\": \"" + when + "\", \"cite\": \"Test Act, s. " + id + "\", \"text\": \"" + id + " holds.\"" + extra + " }";
        string power(string id, string clauses, string extra = "") =>
            "\"" + id + "\": { \"title\": \"" + id + "\", \"cite\": \"Test Act, " + id + "\"" + extra + ", \"clauses\": [" + clauses + "] }";
        const string Low = ", \"confidence\": \"low\", \"note\": \"Unread; settle by reading s. 9.\"";
        string powers = string.Join(",", [
            power("require-name-and-address", clause("offence", "suspectedConduct == 'relevant-offence'")),
            power("detain-pending-constable", clause("basis", "(suspectedConduct == 'relevant-offence' and granted('require-name-and-address')) or (suspectedConduct == 'anti-social-behaviour' and granted('cordon'))") + "," + clause("time", "minutesDetained < 30")),
            power("cordon", clause("in-cordon", "inCordonedArea") + "," + clause("constable", "constableInCompany", Low)),
            power("road-check", clause("authorised", "roadCheckAuthorised")),
        ]);
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2014-12-31\" }", powers, extra: "  \"standard\": [\"road-check\"],\n");
        string b = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2015-01-01\" }, \"extends\": \"a\",\n" +
            "  \"standard\": [],\n" +
            "  \"remove\": { \"powers\": [ \"road-check\", { \"power\": \"cordon\", \"cite\": \"Test Act 2015, s. 2\", \"text\": \"Cordon powers were excluded.\"" + Low + " },\n" +
            "    { \"power\": \"require-name-and-address\", \"cite\": \"Test Act 2015, s. 3\", \"text\": \"Repealed.\" }, { \"power\": \"detain-pending-constable\", \"cite\": \"Test Act 2015, s. 3\" } ] },\n" +
            "  \"preserve\": [ { \"id\": \"old-designations\", \"madeBefore\": \"2015-01-01\", \"version\": \"a\", \"powers\": [\"require-name-and-address\", \"detain-pending-constable\", \"road-check\"], \"cite\": \"Test Regulations 2015, reg. 4\", \"text\": \"Old designations keep their powers.\", \"standardNote\": \"Whether standard powers survived is open.\" } ],\n" +
            "  \"powers\": {}\n}\n";
        string old = "{ \"designation\": \"old\", \"title\": \"Old\", \"force\": \"kent\", \"effective\": { \"from\": \"2012-01-01\" }, \"powers\": [\"require-name-and-address\", \"detain-pending-constable\"] }";
        string guessed = "{ \"designation\": \"guessed\", \"title\": \"Guessed\", \"force\": \"kent\", \"effective\": { \"from\": \"2010-01-01\" }, \"powers\": [\"require-name-and-address\", \"road-check\"], \"confidence\": \"low\", \"note\": \"Reconstructed from a report.\" }";
        return TestLibrary.Compile(("test/a.json", a), ("test/b.json", b), ("designations/old.json", old), ("designations/guessed.json", guessed)).ThrowIfFailed();
    }

    private static PowerDecision Decide(string date, Designation designation, string power, params (string Fact, string Value)[] facts)
    {
        var situation = new Situation(Library.Schema);
        var errors = new List<QueryError>();
        foreach (var (fact, value) in facts)
        {
            QueryReader.SetFactFromText(Library.Schema, fact, value, situation, errors);
        }

        Assert.Empty(errors);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return new PowersEngine(Library).Decide(new Query(day, Library.VersionInForce("test", day), designation, situation)).Find(power)!;
    }

    private static Designation Kent(params string[] powers) => Designation.AdHoc("kent", powers.ToHashSet());

    private static Designation Stored(string id) => Library.Designations.Single(d => d.Id == id);

    [Fact]
    public void Build_GrantedHeld_DetentionFollowsTheRequirementTheCsoCanMake()
    {
        var offence = Decide("2012-06-01", Kent("require-name-and-address", "detain-pending-constable"), "detain-pending-constable", ("suspectedConduct", "relevant-offence"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.Permitted, offence.Outcome);
    }

    [Fact]
    public void Build_GrantedNotHeld_BasisFailsAndDetentionIsDenied()
    {
        // Without the cordon power, the anti-social-behaviour branch of the basis clause is false for this CSO.
        var d = Decide("2012-06-01", Kent("require-name-and-address", "detain-pending-constable"), "detain-pending-constable", ("suspectedConduct", "anti-social-behaviour"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.Denied, d.Outcome);
        Assert.Equal(Tri.False, d.Clauses.Single(c => c.Clause.Id == "basis").Status);

        var withCordon = Decide("2012-06-01", Kent("cordon", "detain-pending-constable"), "detain-pending-constable", ("suspectedConduct", "anti-social-behaviour"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.Permitted, withCordon.Outcome);
    }

    [Fact]
    public void Build_GrantedSpecialisations_AreSharedBetweenPlans()
    {
        var designation = Kent("require-name-and-address", "detain-pending-constable");
        var version = Library.FindVersion("test", "a");
        var first = PlanBuilder.Build(Library, version, designation, new DateOnly(2012, 1, 1));
        var second = PlanBuilder.Build(Library, version, designation, new DateOnly(2013, 1, 1));
        Assert.Same(first.Clauses.Single(c => c.Id == "basis"), second.Clauses.Single(c => c.Id == "basis"));
        var written = version!.Powers["detain-pending-constable"].Clauses.Single(c => c.Id == "basis");
        Assert.Equal(["require-name-and-address", "cordon"], written.GrantedPowers);
        Assert.NotSame(written, first.Clauses.Single(c => c.Id == "basis"));
    }

    [Fact]
    public void Build_RemovedWithLowConfidence_NotInForceMarkedLowWithTheRemovalsReason()
    {
        var d = Decide("2016-01-01", Kent("cordon"), "cordon", ("inCordonedArea", "true"), ("constableInCompany", "true"));
        Assert.Equal(Outcome.NotInForce, d.Outcome);
        Assert.Equal(Confidence.Low, d.Confidence);
        var reading = Assert.Single(d.Uncertain);
        Assert.Equal("Test Act 2015, s. 2", reading.Cite);
        Assert.Equal("Unread; settle by reading s. 9.", reading.Note);
        Assert.Equal("Cordon powers were excluded. (Test Act 2015, s. 2)", d.Plan.Reason);
    }

    [Fact]
    public void Build_RemovedPlainly_NotInForceFirm()
    {
        var d = Decide("2016-01-01", Kent("road-check"), "road-check");
        Assert.Equal(Outcome.NotInForce, d.Outcome);
        Assert.Equal(Confidence.High, d.Confidence);
        Assert.Empty(d.Uncertain);
    }

    [Fact]
    public void Build_DesignationMadeBeforeTheChange_KeepsTheEarlierRules()
    {
        var d = Decide("2016-01-01", Stored("old"), "require-name-and-address", ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Equal("Test Act, require-name-and-address", d.Cite);
    }

    [Fact]
    public void Build_PreservedDetention_GrantedReadsThePreservedRequirement()
    {
        var d = Decide("2016-01-01", Stored("old"), "detain-pending-constable", ("suspectedConduct", "relevant-offence"), ("minutesDetained", "10"));
        Assert.Equal(Outcome.Permitted, d.Outcome);
    }

    [Fact]
    public void Build_AdHocDesignationWithoutMade_TakenAsMadeOnTheQueryDate()
    {
        var d = Decide("2016-01-01", Kent("require-name-and-address"), "require-name-and-address", ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.NotInForce, d.Outcome);
        Assert.Equal("Repealed. (Test Act 2015, s. 3)", d.Plan.Reason);
    }

    [Fact]
    public void Build_AdHocDesignationMadeEarlier_KeepsTheEarlierRules()
    {
        var designation = Designation.AdHoc("kent", new HashSet<string> { "require-name-and-address" }, new DateOnly(2014, 6, 1));
        var d = Decide("2016-01-01", designation, "require-name-and-address", ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.Permitted, d.Outcome);
    }

    [Fact]
    public void Decide_OneEngine_AdHocDesignationsMadeEitherSideOfTheChangeGetTheirOwnPlans()
    {
        // The engine caches plans; two ad-hoc designations with the same force and powers but made on either side of
        // the transitional day must not share one (the later one would inherit the repealed power).
        var engine = new PowersEngine(Library);
        var day = new DateOnly(2016, 1, 1);
        var situation = new Situation(Library.Schema);
        QueryReader.SetFactFromText(Library.Schema, "suspectedConduct", "relevant-offence", situation, []);
        var grants = new HashSet<string> { "require-name-and-address" };
        var early = engine.Decide(new Query(day, Library.VersionInForce("test", day), Designation.AdHoc("kent", grants, new DateOnly(2014, 6, 1)), situation));
        var late = engine.Decide(new Query(day, Library.VersionInForce("test", day), Designation.AdHoc("kent", grants), situation));
        Assert.Equal(Outcome.Permitted, early.Find("require-name-and-address")!.Outcome);
        Assert.Equal(Outcome.NotInForce, late.Find("require-name-and-address")!.Outcome);
    }

    [Fact]
    public void Build_StandardPowerOfTheOldLaw_IsNotPreserved()
    {
        // road-check was standard in 'a', so no designation granted it: reg. 4 keeps what a designation conferred.
        var d = Decide("2016-01-01", Designation.AdHoc("kent", new HashSet<string>(), new DateOnly(2012, 1, 1)), "road-check", ("roadCheckAuthorised", "true"));
        Assert.Equal(Outcome.NotInForce, d.Outcome);
        var open = Assert.Single(d.Uncertain, u => u.Note == "Whether standard powers survived is open.");
        Assert.Equal("Test Regulations 2015, reg. 4", open.Cite);

        // Made after the day, the question does not arise.
        var later = Decide("2016-01-01", Designation.AdHoc("kent", new HashSet<string>()), "road-check", ("roadCheckAuthorised", "true"));
        Assert.DoesNotContain(later.Uncertain, u => u.Note == "Whether standard powers survived is open.");
    }

    [Fact]
    public void Build_PermittedOnALowConfidenceClause_IsLow()
    {
        var d = Decide("2012-06-01", Kent("cordon"), "cordon", ("inCordonedArea", "true"), ("constableInCompany", "true"));
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Equal(Confidence.Low, d.Confidence);
        Assert.Equal("Test Act, s. constable", Assert.Single(d.Uncertain).Cite);
    }

    [Fact]
    public void Build_DeniedByAFirmClause_IsHighWhateverTheLowOnesSay()
    {
        var d = Decide("2012-06-01", Kent("cordon"), "cordon", ("inCordonedArea", "false"), ("constableInCompany", "false"));
        Assert.Equal(Outcome.Denied, d.Outcome);
        Assert.Equal(Confidence.High, d.Confidence);
    }

    [Fact]
    public void Build_DeniedOnlyByALowClause_IsLow()
    {
        var d = Decide("2012-06-01", Kent("cordon"), "cordon", ("inCordonedArea", "true"), ("constableInCompany", "false"));
        Assert.Equal(Outcome.Denied, d.Outcome);
        Assert.Equal(Confidence.Low, d.Confidence);
    }

    [Fact]
    public void Build_ReconstructedDesignation_MarksWhatItConfersLow()
    {
        var conferred = Decide("2012-06-01", Stored("guessed"), "require-name-and-address", ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.Permitted, conferred.Outcome);
        Assert.Equal(Confidence.Low, conferred.Confidence);
        Assert.Equal("Reconstructed from a report.", Assert.Single(conferred.Uncertain).Note);

        // road-check is also a standard power in 'a': every CSO has it, so it does not rest on the reconstruction.
        var standard = Decide("2012-06-01", Stored("guessed"), "road-check", ("roadCheckAuthorised", "true"));
        Assert.Equal(Outcome.Permitted, standard.Outcome);
        Assert.Equal(Confidence.High, standard.Confidence);

        var notConferred = Decide("2012-06-01", Stored("guessed"), "cordon");
        Assert.Equal(Outcome.NotDesignated, notConferred.Outcome);
        Assert.Equal(Confidence.Low, notConferred.Confidence);
    }

    [Fact]
    public void Build_GrantedAsksForTheCataloguesFirstPower_AnsweredForTheCso()
    {
        // granted('...') of the catalogue's first power (index 0, the penalty notice for disorder): a clause asking for
        // it holds for a CSO the designation grants it to and fails for one it does not.
        var library = TestLibrary.Compile(("test/a.json", TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", string.Join(",", [
            TestLibrary.Power("issue-penalty-notice-disorder", "inUniform"),
            TestLibrary.Power("cordon", "granted('issue-penalty-notice-disorder')")])))).ThrowIfFailed();
        var day = new DateOnly(2012, 6, 1);
        Outcome CordonFor(params string[] powers) =>
            new PowersEngine(library).Decide(new Query(day, library.VersionInForce("test", day), Kent(powers), new Situation(library.Schema))).Find("cordon")!.Outcome;

        Assert.Equal(0, library.IndexOfPower("issue-penalty-notice-disorder"));
        Assert.Equal(Outcome.Permitted, CordonFor("issue-penalty-notice-disorder", "cordon"));
        Assert.Equal(Outcome.Denied, CordonFor("cordon"));
    }

    // Open questions: version "open-a" (2010 to 2014) has the road check and the penalty notice for disorder (the
    // catalogue's first power) as standard powers, the cordon with three clauses: "road-check-held" (granted('road-check')
    // or inUniform), "constable" (constableInCompany; low, noted "Unread.") and "in-cordon" (inCordonedArea, firm), and
    // entry to save life (granted('issue-penalty-notice-disorder') or inUniform). Version "open-b" (from 2015) extends
    // it with no standard powers and one transitional rule: designations made before 2015 keep open-a's cordon and
    // entry, and whether they kept the standard powers is open (its standardNote). A Kent designation made in 2014
    // granting the cordon (or the entry) alone, asked in 2016: its granted('...') clause rests on that open question.
    private static readonly RuleLibrary OpenLibrary = BuildOpen();

    private static RuleLibrary BuildOpen()
    {
        string cordon = "\"cordon\": { \"title\": \"Cordon\", \"cite\": \"Test Act, s. 14\", \"clauses\": [ " +
            "{ \"id\": \"road-check-held\", \"when\": \"granted('road-check') or inUniform\", \"cite\": \"Test Act, s. 14(1)\", \"text\": \"Holds the road check, or in uniform.\" }, " +
            "{ \"id\": \"constable\", \"when\": \"constableInCompany\", \"cite\": \"Test Act, s. 14(2)\", \"text\": \"With a constable.\", \"confidence\": \"low\", \"note\": \"Unread.\" }, " +
            "{ \"id\": \"in-cordon\", \"when\": \"inCordonedArea\", \"cite\": \"Test Act, s. 14(3)\", \"text\": \"In a cordon.\" } ] }";
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\", \"until\": \"2014-12-31\" }", string.Join(",", [TestLibrary.Power("road-check", "roadCheckAuthorised"), cordon, TestLibrary.Power("issue-penalty-notice-disorder", "inUniform"), TestLibrary.Power("entry-to-save-life", "granted('issue-penalty-notice-disorder') or inUniform")]), extra: "  \"standard\": [\"road-check\", \"issue-penalty-notice-disorder\"],\n");
        string b = "{ \"ruleset\": \"test\", \"version\": \"b\", \"revision\": 1, \"title\": \"B\", \"effective\": { \"from\": \"2015-01-01\" }, \"extends\": \"a\",\n" +
            "  \"standard\": [],\n" +
            "  \"preserve\": [ { \"id\": \"old-designations\", \"madeBefore\": \"2015-01-01\", \"version\": \"a\", \"powers\": [\"cordon\", \"entry-to-save-life\"], \"cite\": \"Test Regulations 2015, reg. 4\", \"standardNote\": \"Whether standard powers survived is open.\" } ],\n" +
            "  \"powers\": {}\n}\n";
        return TestLibrary.Compile(("test/a.json", a), ("test/b.json", b)).ThrowIfFailed();
    }

    private static PowerDecision DecideOpen(params (string Fact, bool Value)[] facts) => DecideOpen("cordon", facts);

    private static PowerDecision DecideOpen(string power, params (string Fact, bool Value)[] facts) =>
        DecideOpenMade(power, new DateOnly(2014, 6, 1), [power], facts);

    // A Kent designation made on a day, granting some powers, asked in 2016 (under open-b).
    private static PowerDecision DecideOpenMade(string power, DateOnly made, string[] granted, params (string Fact, bool Value)[] facts)
    {
        var situation = new Situation(OpenLibrary.Schema);
        foreach (var (fact, value) in facts)
        {
            situation.Set(fact, value);
        }

        var day = new DateOnly(2016, 1, 1);
        var designation = Designation.AdHoc("kent", granted.ToHashSet(StringComparer.Ordinal), made);
        return new PowersEngine(OpenLibrary).Decide(new Query(day, OpenLibrary.VersionInForce("test", day), designation, situation)).Find(power)!;
    }

    [Fact]
    public void Readings_UndeterminedOnTheClauseOfAnOpenQuestion_RestsOnThatQuestionThenTheLowClause()
    {
        var d = DecideOpen(("constableInCompany", true), ("inCordonedArea", true));

        // Undetermined rests on every clause, in order: the open question behind "road-check-held" (unknown), then the
        // low "constable" clause (held, but it had to).
        Assert.Equal(Outcome.Undetermined, d.Outcome);
        Assert.Equal(
            [("Test Regulations 2015, reg. 4", "Whether standard powers survived is open."), ("Test Act, s. 14(2)", "Unread.")],
            d.Uncertain.Select(r => (r.Cite, r.Note)));
    }

    [Fact]
    public void Readings_DeniedByAFirmClauseBesideAFailingOpenOne_RestsOnNothing()
    {
        // A firm failure denies whatever the open question's answer: the denial is certain.
        var d = DecideOpen(("inUniform", false), ("constableInCompany", true), ("inCordonedArea", false));

        Assert.Equal(Outcome.Denied, d.Outcome);
        Assert.Empty(d.Uncertain);
        Assert.Equal(Confidence.High, d.Confidence);
    }

    [Fact]
    public void Readings_DeniedByALowClauseBesideAnUnknownOpenOne_RestsOnTheLowClauseOnly()
    {
        // Only failed clauses decide a denial: the low "constable" clause, not the unknown clause of the open question.
        var d = DecideOpen(("constableInCompany", false), ("inCordonedArea", true));

        Assert.Equal(Outcome.Denied, d.Outcome);
        var reading = Assert.Single(d.Uncertain);
        Assert.Equal(("Test Act, s. 14(2)", "Unread."), (reading.Cite, reading.Note));
    }

    [Fact]
    public void Readings_StandardPowerOfTheKeptVersionNotGranted_NotDesignatedRestingOnTheOpenQuestion()
    {
        // The road check was standard in open-a and is not in open-b: whether a designation made in 2014 kept it is
        // the transitional rule's open question, so the not-designated outcome rests on that reading.
        var d = DecideOpenMade("road-check", new DateOnly(2014, 6, 1), ["cordon"]);

        Assert.Equal(Outcome.NotDesignated, d.Outcome);
        var reading = Assert.Single(d.Uncertain);
        Assert.Equal(("Test Regulations 2015, reg. 4", "Whether standard powers survived is open."), (reading.Cite, reading.Note));
    }

    [Fact]
    public void Readings_DesignationMadeOnTheTransitionalRulesDay_NoOpenQuestion()
    {
        // "made before 2015-01-01": a designation made on that day is not one the rule keeps, so no open question.
        var d = DecideOpenMade("road-check", new DateOnly(2015, 1, 1), ["cordon"]);

        Assert.Equal(Outcome.NotDesignated, d.Outcome);
        Assert.Empty(d.Uncertain);
    }

    [Fact]
    public void Build_NullLibraryOrDesignation_RefusedNamingTheArgument()
    {
        var designation = Designation.AdHoc("kent", new HashSet<string> { "cordon" });

        Assert.Equal("library", Assert.Throws<ArgumentNullException>(() => PlanBuilder.Build(null!, null, designation, null)).ParamName);
        Assert.Equal("designation", Assert.Throws<ArgumentNullException>(() => PlanBuilder.Build(OpenLibrary, null, null!, null)).ParamName);
    }

    [Fact]
    public void Readings_UndeterminedOnAnOpenQuestionAboutTheCataloguesFirstPower_RestsOnIt()
    {
        // The same open question, about the catalogue's first power (index 0): standard in open-a, not granted.
        var d = DecideOpen("entry-to-save-life");

        Assert.Equal(0, OpenLibrary.IndexOfPower("issue-penalty-notice-disorder"));
        Assert.Equal(Outcome.Undetermined, d.Outcome);
        var reading = Assert.Single(d.Uncertain);
        Assert.Equal(("Test Regulations 2015, reg. 4", "Whether standard powers survived is open."), (reading.Cite, reading.Note));
    }
}
