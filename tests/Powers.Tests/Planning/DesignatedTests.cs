using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Planning;

/// <summary>
/// <c>designated('power-id')</c>: true only when the designation itself grants the power, not when the CSO holds it
/// as a standard power (a provision that applies only where "a designation applies" a paragraph the standard-powers
/// order never applied, such as Sch. 4 para. 7C); <c>granted('power-id')</c> counts the standard power too.
/// Expected outcomes follow from the rules written here.
/// </summary>
public class DesignatedTests
{
    private static readonly RuleLibrary Library = Build();

    private static RuleLibrary Build()
    {
        string powers = string.Join(",", [
            TestLibrary.Power("require-name-and-address-drugs", "true"),
            TestLibrary.Power("detain-pending-constable", "designated('require-name-and-address-drugs')"),
            TestLibrary.Power("cordon", "granted('require-name-and-address-drugs')"),
        ]);
        string a = TestLibrary.RuleSet("a", "{ \"from\": \"2010-01-01\" }", powers, extra: "  \"standard\": [\"require-name-and-address-drugs\"],\n");
        return TestLibrary.Compile(("test/a.json", a)).ThrowIfFailed();
    }

    private static Outcome Decide(string power, params string[] granted)
    {
        var day = new DateOnly(2012, 6, 1);
        var designation = Designation.AdHoc("kent", new HashSet<string>(granted));
        return new PowersEngine(Library).Decide(new Query(day, Library.VersionInForce("test", day), designation, new Situation(Library.Schema))).Find(power)!.Outcome;
    }

    [Fact]
    public void Designated_PowerGrantedByTheDesignation_True()
    {
        Assert.Equal(Outcome.Permitted, Decide("detain-pending-constable", "detain-pending-constable", "require-name-and-address-drugs"));
    }

    [Fact]
    public void Designated_PowerHeldOnlyAsStandard_FalseWhereGrantedIsTrue()
    {
        Assert.Equal(Outcome.Denied, Decide("detain-pending-constable", "detain-pending-constable", "cordon"));
        Assert.Equal(Outcome.Permitted, Decide("cordon", "detain-pending-constable", "cordon"));
    }
}
