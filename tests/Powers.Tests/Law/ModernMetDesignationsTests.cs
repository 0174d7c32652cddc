using System.Globalization;
using Powers.Model;
using Powers.TestSupport;

namespace Powers.Tests.Law;

/// <summary>
/// Issue 19, Build item 4 and "done when": each of the six modern Metropolitan Police team designations holds, on
/// today's date, the powers its work needs. The pairs are copied from the text, never read from the rule
/// files. A pair whose power has no post-2017 rule yet is skipped, naming its helper: remove the Skip when it lands
/// and the designation lists it.
/// </summary>
public class ModernMetDesignationsTests
{
    private static readonly PowersEngine Engine = new(ShippedLibrary.Instance);

    [Theory]
    // "Roads Policing: directing traffic, traffic signs, removing vehicles"
    [InlineData("met-roads-policing", "direct-traffic")]
    [InlineData("met-roads-policing", "place-traffic-signs")]
    [InlineData("met-roads-policing", "remove-abandoned-vehicle")]
    // "Reassurance Tasking: directing traffic, road-traffic fixed penalties on red routes and bus lanes"
    [InlineData("met-reassurance-tasking", "direct-traffic")]
    [InlineData("met-reassurance-tasking", "issue-fixed-penalty-road-traffic")]
    // "Commercial Vehicle Unit: stopping vehicles for testing, directing traffic"
    [InlineData("met-commercial-vehicle-unit", "stop-vehicle-for-testing")]
    [InlineData("met-commercial-vehicle-unit", "direct-traffic")]
    // "Cycle Safety: stopping cycles, the cycling-on-a-footway penalty"
    [InlineData("met-cycle-safety", "stop-cycle")]
    [InlineData("met-cycle-safety", "issue-fixed-penalty-cycling-footway")]
    // "Safer Neighbourhood: anti-social behaviour name and address, alcohol (young persons and public places),
    // dispersal directions, penalty notices for disorder"
    [InlineData("met-safer-neighbourhood", "require-name-and-address-anti-social")]
    [InlineData("met-safer-neighbourhood", "confiscate-alcohol-young-person")]
    [InlineData("met-safer-neighbourhood", "confiscate-alcohol-public-place")]
    [InlineData("met-safer-neighbourhood", "direct-to-leave-locality")]
    [InlineData("met-safer-neighbourhood", "issue-penalty-notice-disorder")]
    // "Safer Transport: name and address, penalty notices for disorder"
    [InlineData("met-safer-transport", "require-name-and-address")]
    [InlineData("met-safer-transport", "issue-penalty-notice-disorder")]
    public void Decide_ModernMetTeamToday_HoldsThePowerItsWorkNeeds(string designation, string power)
    {
        // Held: in force and conferred on today's date, so the outcome turns on the facts (permitted, denied or
        // undetermined), never not-designated or not-in-force.
        string today = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var outcome = Decide(today, designation, power);

        Assert.True(outcome is Outcome.Permitted or Outcome.Denied or Outcome.Undetermined, designation + " on " + today + ": " + power + " is " + outcome);
    }

    [Theory]
    [InlineData("met-roads-policing", "place-traffic-signs")]
    [InlineData("met-commercial-vehicle-unit", "stop-vehicle-for-testing")]
    [InlineData("met-safer-transport", "require-name-and-address")]
    public void Decide_ModernMetTeamTheDayBeforeTheScheme_NotDesignated(string designation, string power)
    {
        // The six are designations under the s.38 scheme of 15 Dec 2017 (effective from that day); the day before,
        // the person is not designated, so holds nothing, not even a standard power.
        Assert.Equal(Outcome.NotDesignated, Decide("2017-12-14", designation, power));
    }

    private static Outcome Decide(string date, string designation, string power)
    {
        var read = Engine.Read("{\"date\":\"" + date + "\",\"designation\":\"" + designation + "\",\"facts\":{}}");
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.Message)));
        return Engine.Decide(read.Query!).OutcomeAt(Engine.Library.IndexOfPower(power));
    }
}
