using System.Text.RegularExpressions;
using Powers.Analysis;
using Powers.Model;
using Powers.Planning;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Law;

/// <summary>
/// Every version's <c>changes</c> names, as ids in backticks, exactly the powers whose outcomes change from the
/// version before (docs/rule-format.md, <c>changes</c>): <c>powers diff</c> (<see cref="OutcomeDiffer"/>) is run on
/// every pair of consecutive dated versions, for ad-hoc designations granting every power and none (so standard
/// powers show), of forces of each kind: a detention pilot area in England (metropolitan), another English force
/// (kent), a Welsh pilot area (gwent) and British Transport Police (both nations).
/// </summary>
public partial class VersionChangesTests
{
    private static readonly string[] Forces = ["metropolitan", "kent", "gwent", "british-transport-police"];

    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var version in Dated().Skip(1))
        {
            data.Add(version.Version);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Changes_NameExactlyThePowersWhoseOutcomesChange(string version)
    {
        var library = ShippedLibrary.Instance;
        var dated = Dated();
        int at = dated.FindIndex(v => v.Version == version);
        var (from, to) = (dated[at - 1], dated[at]);
        var named = to.Changes.SelectMany(c => Backticked().Matches(c)).Select(m => m.Groups[1].Value).Where(id => library.IndexOfPower(id) >= 0).ToHashSet(StringComparer.Ordinal);

        var changed = new SortedSet<string>(StringComparer.Ordinal);
        var every = library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (string force in Forces)
        {
            foreach (var powers in new[] { every, new HashSet<string>(StringComparer.Ordinal) })
            {
                var designation = Designation.AdHoc(force, powers);
                var a = PlanBuilder.Build(library, from, designation, null);
                var b = PlanBuilder.Build(library, to, designation, null);
                foreach (var change in UnclockedAnalysis.Diff(a, b))
                {
                    changed.Add(change.Power);
                }
            }
        }

        Assert.True(
            changed.SetEquals(named),
            to.Id + ": outcomes change for [" + string.Join(", ", changed) + "] but `changes` names [" + string.Join(", ", named.Order(StringComparer.Ordinal)) + "]. "
            + "Name a power whose outcomes change by its id in backticks; name one whose outcomes do not change without them.");
    }

    private static List<RuleSetVersion> Dated() =>
        [.. ShippedLibrary.Instance.Versions.Where(v => v.Family == "pra2002-sch4" && !v.Effective.Never).OrderBy(v => v.Effective.From)];

    [GeneratedRegex("`([a-z0-9]+(?:-[a-z0-9]+)*)`")]
    private static partial Regex Backticked();
}
