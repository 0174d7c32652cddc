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

    [Theory]
    [InlineData("2003-06-01", "seize-vehicle-causing-alarm", "vehicleMisuseCausingAlarm")]
    [InlineData("2002-12-02", "stop-vehicle-for-testing", "roadsideTestPurpose")]
    public void Decide_KentVehiclePowersBefore1Jul2004_NoBritishTransportPoliceNote(string date, string power, string condition)
    {
        // (a) Paras. 9 and 11 gave their powers 'within the relevant police area' to any CSO designated under s.38; the
        // doubt whether BTP could designate before 1 Jul 2004 is version-wide and bears on BTP decisions only.
        var kent = Decide(date, Designation.AdHoc("kent", new HashSet<string>([power])), power,
            ("inUniform", "true"), ("inPoliceArea", "true"), (condition, "true"),
            ("alarmVehicleAction", "order-to-stop"), ("entryForVehicle", "none"));
        Assert.Equal(Outcome.Permitted, kent.Outcome);
        Assert.Equal(Confidence.High, kent.Confidence);
        Assert.Empty(kent.Uncertain);

        var btp = Decide(date, Designation.AdHoc("british-transport-police", new HashSet<string>([power])), power,
            ("inUniform", "true"), ("inPoliceArea", "true"), (condition, "true"),
            ("alarmVehicleAction", "order-to-stop"), ("entryForVehicle", "none"));
        Assert.Equal(Outcome.NotInForce, btp.Outcome);
        Assert.StartsWith("British Transport Police could not designate CSOs under PRA s.38 until Sch. 4 was applied to it", Assert.Single(btp.Uncertain).Note, StringComparison.Ordinal);
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

    [Fact]
    public void Decide_CordonOfA2016DesignationOn15Dec2017_NotInForceHighOnReg5AndSch3B()
    {
        // (b) SI 2017/1139 reg. 5 (read): regulation 4 "does not apply to any part of a designation ... which conferred
        // ... powers and duties that are included in Part 1 of Schedule 3B ... with the effect that those powers cease
        // to be conferred"; Sch. 3B para. 5 (read): "Any power of a constable under (a) the Terrorism Act 2000". A 2016
        // designation could not apply Sch. 3C, so the unread Sch. 3C paragraphs do not bear on it.
        var made2016 = Designation.AdHoc("kent", new HashSet<string>(["cordon"]), new DateOnly(2016, 6, 1));
        var cordon = Decide("2017-12-15", made2016, "cordon", ("inUniform", "true"), ("inPoliceArea", "true"), ("inCordonedArea", "true"), ("cordonAgeDays", "1"));
        Assert.Equal(Outcome.NotInForce, cordon.Outcome);
        Assert.Equal(Confidence.High, cordon.Confidence);
        Assert.Empty(cordon.Uncertain);
        Assert.Contains("SI 2017/1139, reg. 5", cordon.Plan.Reason, StringComparison.Ordinal);

        // The same for stop and search: Sch. 3B paras. 2 and 5(a).
        var search = Decide("2017-12-15", Designation.AdHoc("kent", new HashSet<string>(["stop-search-authorised-area"]), new DateOnly(2016, 6, 1)), "stop-search-authorised-area");
        Assert.Equal(Outcome.NotInForce, search.Outcome);
        Assert.Equal(Confidence.High, search.Confidence);
    }

    [Fact]
    public void Decide_CordonOfADesignationMadeFrom15Dec2017_StillLowOnTheUnreadSch3C()
    {
        // For a designation made under the new scheme a Sch. 3C cordon power is not excluded by Sch. 3B, and Sch. 3C
        // paras. 4, 6 and 9-11 were not read: the removal's low reading still applies to it.
        var cordon = Decide("2017-12-15", Designation.AdHoc("kent", new HashSet<string>(["cordon"]), new DateOnly(2017, 12, 15)), "cordon");
        Assert.Equal(Outcome.NotInForce, cordon.Outcome);
        Assert.Equal(Confidence.Low, cordon.Confidence);
    }

    [Fact]
    public void Decide_DetentionIn2019OfADesignationMade14Dec2017WithoutNameAndAddress_LowWithTheStandardPowersNote()
    {
        // (c) Para. 2(2) (read): a designation "may not apply this paragraph to any person unless a designation also
        // applies paragraph 1A to him"; para. 1A was a standard power (SI 2007/3202 item (b)). Whether standard powers
        // survived 15 Dec 2017 for a CSO designated before is open (reg. 4 keeps powers "conferred ... by that
        // designation"; s.38A omitted by PCA 2017 s.38(10)): the refusal rests on that question, so it is low with its note.
        var made = Designation.AdHoc("kent", new HashSet<string>(["detain-pending-constable"]), new DateOnly(2017, 12, 14));
        var detention = Decide("2019-03-01", made, "detain-pending-constable",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "relevant-offence"), ("nameAndAddress", "refused"), ("minutesDetained", "5"));
        Assert.Equal(Outcome.NotDesignated, detention.Outcome);
        Assert.Equal(Confidence.Low, detention.Confidence);
        Assert.StartsWith("Standard powers (SI 2007/3202) were conferred by the order under s.38A", Assert.Single(detention.Uncertain).Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DetentionAfterAntiSocialBehaviourHeldOnlyAsStandard_DenialIsLowButPermissionStaysHigh()
    {
        // (c), the same question through granted('...'): para. 3(2) applies para. 2(3) after a para. 3(1) requirement,
        // which this CSO held only as a standard power (SI 2007/3202 item (c)). The denial rests on the open question;
        // a permission on the relevant-offence route (para. 1A granted by the designation itself) does not.
        var made = Designation.AdHoc("kent", new HashSet<string>(["detain-pending-constable", "require-name-and-address"]), new DateOnly(2017, 12, 14));
        var antiSocial = Decide("2019-03-01", made, "detain-pending-constable",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "anti-social-behaviour"), ("nameAndAddress", "refused"), ("minutesDetained", "5"), ("licensingOffenceOnLicensedPremises", "false"));
        Assert.Equal(Outcome.Denied, antiSocial.Outcome);
        Assert.Equal(Confidence.Low, antiSocial.Confidence);
        Assert.StartsWith("Standard powers (SI 2007/3202) were conferred by the order under s.38A", Assert.Single(antiSocial.Uncertain).Note, StringComparison.Ordinal);

        var offence = Decide("2019-03-01", made, "detain-pending-constable",
            ("inUniform", "true"), ("inPoliceArea", "true"), ("suspectedConduct", "relevant-offence"), ("nameAndAddress", "refused"), ("minutesDetained", "5"), ("licensingOffenceOnLicensedPremises", "false"));
        Assert.Equal(Outcome.Permitted, offence.Outcome);
        Assert.Equal(Confidence.High, offence.Confidence);
    }
}
