using Powers.Analysis;
using Powers.Compilation;
using Powers.Model;
using Powers.Planning;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Analysis;

public class OutcomeDifferTests
{
    // Four whole-number facts ordered against each other and against 21 constants: every order of the four against
    // every constant is a class of its own, millions of them.
    private const string Chain = "cordonAgeDays < authorisationAgeDays and authorisationAgeDays < authorisationAgeHours and authorisationAgeHours < minutesDetained and minutesDetained in [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 51, 54, 57, 60]";

    [Fact]
    public void Compare_FourIntegersComparedWithEachOther_StopsAtTheStepBudgetNamingThePower()
    {
        var (from, to) = Plans(TestLibrary.Power("road-check", "true"), TestLibrary.Power("road-check", Chain));
        var diff = OutcomeDiffer.Compare(from, to, null, new AnalysisBudget { MaxSteps = 5_000 });
        Assert.False(diff.Complete);
        var stop = diff.Stopped!;
        Assert.Equal(AnalysisLimit.Steps, stop.Limit);
        Assert.Equal("road-check", stop.Power);
        Assert.Equal("more than 5,000 situation classes for power 'road-check'", stop.Message);
        Assert.Empty(diff.Changes);
    }

    [Fact]
    public void Compare_MoreCasesThanTheBudgetKeeps_StopsOnCases()
    {
        // Denied from permitted when not in uniform, or in uniform and outside the area: two cases.
        var (from, to) = Plans(TestLibrary.Power("road-check", "true"), TestLibrary.Power("road-check", "inUniform and inPoliceArea"));
        var diff = OutcomeDiffer.Compare(from, to, null, new AnalysisBudget { MaxCases = 1 });
        Assert.Equal(AnalysisLimit.Cases, diff.Stopped!.Limit);
        Assert.Equal("not inUniform or not inPoliceArea", Assert.Single(OutcomeDiffer.Compare(from, to, null, new AnalysisBudget { MaxCases = 2 }).Changes).When);
    }

    [Fact]
    public void Compare_CancelledToken_StopsAsCancelled()
    {
        var (from, to) = Plans(TestLibrary.Power("road-check", "true"), TestLibrary.Power("road-check", Chain));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var diff = OutcomeDiffer.Compare(from, to, null, new AnalysisBudget { CancellationToken = cancelled.Token });
        Assert.Equal(AnalysisLimit.Cancelled, diff.Stopped!.Limit);
        Assert.Equal("cancelled during power 'road-check' (after 1,024 situation classes)", diff.Stopped.Message);
    }

    [Fact]
    public void Compare_SameClausesOnBothSides_NoChangeAndOneClass()
    {
        // Both sides keep the same clause: the search sees it at the root and goes no further.
        var (from, to) = Plans(TestLibrary.Power("road-check", Chain), TestLibrary.Power("road-check", Chain));
        var diff = OutcomeDiffer.Compare(from, to, "road-check", AnalysisBudget.Default);
        Assert.True(diff.Complete);
        Assert.Empty(diff.Changes);
        Assert.Equal(1, diff.Steps);
    }

    [Fact]
    public void Diff_DetentionGoesNational_ConditionFactoredWithImpliedTermsDropped()
    {
        // SI 2004/3338 art. 2: detention for every force from 23 Dec 2004. Where it is denied, each reason stands alone:
        // "not inPoliceArea", not "inUniform and not inPoliceArea" (the first disjunct already covers not inUniform).
        var library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();
        var kent = Designation.AdHoc("kent", library.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
        var before = PlanBuilder.Build(library, library.Versions.Single(v => v.Id == "pra2002-sch4@2004-07-01"), kent, null);
        var after = PlanBuilder.Build(library, library.Versions.Single(v => v.Id == "pra2002-sch4@2004-12-23"), kent, null);
        var changes = UnclockedAnalysis.Diff(before, after, "detain-pending-constable");
        Assert.Equal(
            [
                "not-in-force -> denied: not inUniform or not inPoliceArea or suspectedConduct in ['none', 'other-offence', 'relevant-byelaw-offence', 'relevant-licensing-offence'] or nameAndAddress in ['not-asked', 'given'] or minutesDetained >= 30",
                "not-in-force -> permitted: inUniform and inPoliceArea and suspectedConduct in ['relevant-offence', 'anti-social-behaviour'] and nameAndAddress in ['refused', 'suspected-false'] and minutesDetained < 30",
            ],
            changes.Select(c => OutcomeNames.Name(c.From) + " -> " + OutcomeNames.Name(c.To) + ": " + c.When));
    }

    [Fact]
    public void Diff_StopSearchUnderS47a_CommonTermsTakenOutOnce()
    {
        // PoFA 2012 and the 2011 remedial order: from 18 Mar 2011 a CSO searches under s. 47A. Every way the search becomes
        // permitted shares uniform, area, constable, authorisation, object and purpose: printed once, not per case.
        var library = LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed();
        var met = library.Designations.Single(d => d.Id == "met-2002-security");
        var before = PlanBuilder.Build(library, library.Versions.Single(v => v.Id == "pra2002-sch4@2007-12-01"), met, null);
        var after = PlanBuilder.Build(library, library.Versions.Single(v => v.Id == "pra2002-sch4@2011-03-18"), met, null);
        var change = UnclockedAnalysis.Diff(before, after, "stop-search-authorised-area").Single(c => c.To == Outcome.Permitted);
        Assert.StartsWith("inUniform and inPoliceArea and constableInCompany and terrorismAuthorisation == 's47a' and ", change.When, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(change.When, "inUniform"));
        Assert.Equal(1, CountOf(change.When, "searchPurpose"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static (DecisionPlan From, DecisionPlan To) Plans(string powerA, string powerB)
    {
        var a = TestLibrary.Compile(("test/2000-01-01.json", TestLibrary.RuleSet("2000-01-01", "{ \"from\": \"2000-01-01\" }", powerA))).ThrowIfFailed();
        var b = TestLibrary.Compile(("test/2000-01-01.json", TestLibrary.RuleSet("2000-01-01", "{ \"from\": \"2000-01-01\" }", powerB))).ThrowIfFailed();
        var every = a.Powers.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return (PlanBuilder.Build(a, a.Versions[0], Designation.AdHoc("kent", every), null), PlanBuilder.Build(b, b.Versions[0], Designation.AdHoc("kent", every), null));
    }
}
