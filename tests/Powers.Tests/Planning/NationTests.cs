using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Planning;

/// <summary>
/// Provisions commenced on different days in England and in Wales: a power limited to some nations (in force only for
/// forces wholly within them), a clause limited to some nations (binding forces that touch them), and the reason a
/// file gives for other forces (<c>otherForces</c>), whose confidence bears only on those forces' decisions. Forces
/// and their nations come from the repository's forces.json (kent: England; gwent: Wales; British Transport Police:
/// both). Expected outcomes follow from the rules written here.
/// </summary>
public class NationTests
{
    private const string Low = ", \"confidence\": \"low\", \"note\": \"Unread; settle by reading s. 9.\"";

    private static readonly RuleLibrary Library = Build();

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            // Repealed in England, still in force in Wales: only Welsh forces hold it.
            "\"cordon\": { \"title\": \"T\", \"cite\": \"Test Act, s. 1\", \"nations\": [\"wales\"], \"clauses\": [ { \"id\": \"c1\", \"when\": \"inCordonedArea\", \"cite\": \"Test Act, s. 1(1)\", \"text\": \"Must hold.\" } ] }",
            // The excluded-pupil limb commenced in England only: Wales keeps the narrower clause.
            "\"road-check\": { \"title\": \"T\", \"cite\": \"Test Act, s. 2\", \"clauses\": [ " +
                "{ \"id\": \"england\", \"nations\": [\"england\"], \"when\": \"roadCheckAuthorised or constableInCompany\", \"cite\": \"Test Act, s. 2(1)\", \"text\": \"Either.\" }, " +
                "{ \"id\": \"wales\", \"nations\": [\"wales\"], \"when\": \"roadCheckAuthorised\", \"cite\": \"Test Act, s. 2(2)\", \"text\": \"Only the first.\" } ] }",
            // A pilot whose reason for other forces is doubtful: the doubt is theirs alone.
            "\"entry-to-save-life\": { \"title\": \"T\", \"cite\": \"Test Act, s. 3\", \"forces\": [\"kent\"], \"otherForces\": { \"cite\": \"Test Order, art. 3\", \"text\": \"Commenced for Kent only.\"" + Low + " }, \"clauses\": [ { \"id\": \"c1\", \"when\": \"riskToLifeOrLimb\", \"cite\": \"Test Act, s. 3(1)\", \"text\": \"Must hold.\" } ] }",
        ]);
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers);
        return TestLibrary.Compile(("test/a.json", a)).ThrowIfFailed();
    }

    private static Powers.Decisions.PowerDecision Decide(string force, string power, params (string Fact, string Value)[] facts)
    {
        var situation = new Situation(Library.Schema);
        var errors = new List<QueryError>();
        foreach (var (fact, value) in facts)
        {
            QueryReader.SetFactFromText(Library.Schema, fact, value, situation, errors);
        }

        Assert.Empty(errors);
        var day = new DateOnly(2012, 6, 1);
        var designation = Designation.AdHoc(force, new HashSet<string>(["cordon", "road-check", "entry-to-save-life"]));
        return new PowersEngine(Library).Decide(new Query(day, Library.VersionInForce("test", day), designation, situation)).Find(power)!;
    }

    [Fact]
    public void Decide_PowerLimitedToWales_InForceForAWelshForceOnly()
    {
        Assert.Equal(Outcome.Permitted, Decide("gwent", "cordon", ("inCordonedArea", "true")).Outcome);
        var kent = Decide("kent", "cordon", ("inCordonedArea", "true"));
        Assert.Equal(Outcome.NotInForce, kent.Outcome);
        Assert.Equal("test@a brings this power into force only in wales, not for 'kent' (england).", kent.Plan.Reason);
    }

    [Fact]
    public void Decide_PowerLimitedToWales_BritishTransportPoliceOfBothNationsIsOutside()
    {
        var btp = Decide("british-transport-police", "cordon", ("inCordonedArea", "true"));
        Assert.Equal(Outcome.NotInForce, btp.Outcome);
        Assert.Equal("test@a brings this power into force only in wales, not for 'british-transport-police' (england, wales).", btp.Plan.Reason);
    }

    [Fact]
    public void Decide_ClauseLimitedToANation_BindsOnlyThatNationsForces()
    {
        Assert.Equal(Outcome.Permitted, Decide("kent", "road-check", ("roadCheckAuthorised", "false"), ("constableInCompany", "true")).Outcome);
        var gwent = Decide("gwent", "road-check", ("roadCheckAuthorised", "false"), ("constableInCompany", "true"));
        Assert.Equal(Outcome.Denied, gwent.Outcome);
        Assert.Equal(["wales"], gwent.Clauses.Select(c => c.Clause.Id));
    }

    [Fact]
    public void Decide_ClauseLimitedToANation_AForceOfBothNationsIsBoundByBoth()
    {
        var btp = Decide("british-transport-police", "road-check", ("roadCheckAuthorised", "false"), ("constableInCompany", "true"));
        Assert.Equal(Outcome.Denied, btp.Outcome);
        Assert.Equal(["england", "wales"], btp.Clauses.Select(c => c.Clause.Id));
    }

    [Fact]
    public void Decide_OtherForcesLow_OnlyTheOtherForcesDecisionsAreLow()
    {
        var kent = Decide("kent", "entry-to-save-life", ("riskToLifeOrLimb", "true"));
        Assert.Equal(Outcome.Permitted, kent.Outcome);
        Assert.Equal(Confidence.High, kent.Confidence);
        Assert.Empty(kent.Uncertain);

        var gwent = Decide("gwent", "entry-to-save-life", ("riskToLifeOrLimb", "true"));
        Assert.Equal(Outcome.NotInForce, gwent.Outcome);
        Assert.Equal(Confidence.Low, gwent.Confidence);
        Assert.Equal("Unread; settle by reading s. 9.", Assert.Single(gwent.Uncertain).Note);
        Assert.Equal("Commenced for Kent only. (Test Order, art. 3) test@a brings this power into force only for the forces kent, not for 'gwent'.", gwent.Plan.Reason);
    }

    [Fact]
    public void Compile_UnknownNation_IsAnErrorNamingTheNations()
    {
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", "\"cordon\": { \"title\": \"T\", \"cite\": \"Test Act, s. 1\", \"nations\": [\"engand\"], \"clauses\": [] }");
        var result = TestLibrary.Compile(("test/a.json", a));
        var error = Assert.Single(result.Diagnostics, d => d.Descriptor.Id == "PWR0011");
        Assert.Equal("'engand' is not a valid nation: use one of england, wales", error.Message);
    }

    [Fact]
    public void Compile_OtherForcesWithoutForcesOrNations_IsAnError()
    {
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", "\"cordon\": { \"title\": \"T\", \"cite\": \"Test Act, s. 1\", \"otherForces\": { \"cite\": \"Test Order\" }, \"clauses\": [] }");
        var result = TestLibrary.Compile(("test/a.json", a));
        var error = Assert.Single(result.Diagnostics, d => d.Descriptor.Id == "PWR0011");
        Assert.Equal("'otherForces' is not a valid property here: it says why the power is not in force for a force outside 'forces' or 'nations', so give one of them", error.Message);
    }
}
