using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Law;

/// <summary>
/// Issue 19, defect 2: a decision's confidence must rest only on the readings that bear on it. Each test reproduces
/// the defect on the shipped law; the expected readings come from the statute text the rule files quote.
/// </summary>
public class ConfidenceDefectTests
{
    private static readonly PowersEngine Engine = new(ShippedLibrary.Instance);

    private static Powers.Decisions.PowerDecision Decide(string date, Designation designation, string power, params (string Fact, string Value)[] facts)
    {
        var library = Engine.Library;
        var situation = new Situation(library.Schema);
        var errors = new List<QueryError>();
        foreach (var (fact, value) in facts)
        {
            QueryReader.SetFactFromText(library.Schema, fact, value, situation, errors);
        }

        Assert.Empty(errors);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return Engine.Decide(new Query(day, library.VersionInForce("pra2002-sch4", day), designation, situation)).Find(power)!;
    }

    [Fact]
    public void Decide_KentBefore1Jul2004_NoBritishTransportPoliceNote()
    {
        // (a) Whether BTP could designate CSOs before RTSA 2003 s.28 applied Sch. 4 to it (1 Jul 2004) is a doubt about
        // BTP alone. Para. 1A's predecessor, para. 2(2) (read): a relevant offence in the relevant police area.
        var kent = Decide("2003-06-01", Designation.AdHoc("kent", new HashSet<string>(["require-name-and-address"])), "require-name-and-address",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.Permitted, kent.Outcome);
        Assert.Equal(Confidence.High, kent.Confidence);
        Assert.Empty(kent.Uncertain);
    }

    [Fact]
    public void Decide_BritishTransportPoliceBefore1Jul2004_NotInForceLowWithTheNote()
    {
        var btp = Decide("2003-06-01", Designation.AdHoc("british-transport-police", new HashSet<string>(["require-name-and-address"])), "require-name-and-address",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.NotInForce, btp.Outcome);
        Assert.Equal(Confidence.Low, btp.Confidence);
        Assert.StartsWith("British Transport Police could not designate CSOs under PRA s.38 until Sch. 4 was applied to it", Assert.Single(btp.Uncertain).Note, StringComparison.Ordinal);
        Assert.StartsWith("Sch. 4 applied to British Transport Police, with modifications, only from 1 Jul 2004", btp.Plan.Reason, StringComparison.Ordinal);

        // RTSA 2003 s.28; SI 2004/1572 art. 3(k): from 1 Jul 2004 the power is in force for BTP too.
        var after = Decide("2004-07-01", Designation.AdHoc("british-transport-police", new HashSet<string>(["require-name-and-address"])), "require-name-and-address",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "relevant-offence"));
        Assert.Equal(Outcome.Permitted, after.Outcome);
        Assert.Equal(Confidence.High, after.Confidence);
    }
}
