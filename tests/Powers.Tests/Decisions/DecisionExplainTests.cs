using System.Text.Json;
using Powers.Analysis;
using Powers.Decisions;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Queries;
using Powers.TestSupport;

namespace Powers.Tests.Decisions;

/// <summary>
/// Deciding apart from explaining (issue 20): reading a decision never searches for what would permit, and when
/// asked, the search runs within its budget and says when it stopped.
/// </summary>
public class DecisionExplainTests
{
    // The default's steps without its time limit, so that a loaded machine cannot change where the search stops.
    private static readonly AnalysisBudget StepsOnly = new() { MaxSteps = AnalysisBudget.Explanation.MaxSteps, TimeLimit = Timeout.InfiniteTimeSpan };

    private static readonly Lazy<RuleLibrary> Unbounded = new(() => UnboundedResidualLibrary.Compile().ThrowIfFailed());

    [Fact]
    public void Compile_UnboundedResidualLibrary_PassesWithTheWarningOnly()
    {
        var result = UnboundedResidualLibrary.Compile();
        Assert.True(result.Success);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(result.Diagnostics, d => d.Descriptor == DiagnosticDescriptors.IntegersComparedWithEachOther);
    }

    [Fact]
    public void Powers_UnboundedResidualLibrary_ReadsOutcomesWithoutExplaining()
    {
        var decision = Decide(UnboundedResidualLibrary.Query);
        var entry = decision.Find("entry-to-save-life")!;
        Assert.Equal(Outcome.Undetermined, entry.Outcome);
        Assert.Equal(["order", "interval"], entry.Clauses.Where(c => c.Status == Powers.Evaluation.Tri.Unknown).Select(c => c.Clause.Id));
        Assert.All(decision.Powers, p => Assert.Null(p.Residual));
    }

    [Fact]
    public void Explain_UnboundedResidualLibrary_StopsAtTheStepBudgetAndSaysSo()
    {
        // Before the budget this search took 25 s (issue 20); now it stops at the same step on any machine.
        Assert.Equal(4_000, AnalysisBudget.Explanation.MaxSteps);
        var powers = Decide(UnboundedResidualLibrary.Query).Explain(StepsOnly);
        var entry = powers.Single(p => p.Power == "entry-to-save-life");
        Assert.Null(entry.PermittedIf);
        Assert.Null(entry.Example);
        Assert.Equal("stopped after 4,000 steps (the analysis budget)", entry.Residual!.Stopped);

        // Other undetermined powers still get their condition: each residual has its own steps.
        var nameAndAddress = powers.Single(p => p.Power == "require-name-and-address");
        Assert.Equal(Outcome.Undetermined, nameAndAddress.Outcome);
        // PRA Sch. 4 para. 2(6) as in force in 2013: a relevant offence, a relevant byelaw offence (in a place the byelaw
        // relates to, para. 1A(4)) or a relevant licensing offence (para. 2(6A)).
        Assert.Equal("suspectedConduct in ['relevant-offence', 'relevant-byelaw-offence', 'relevant-licensing-offence'] and (suspectedConduct != 'relevant-byelaw-offence' or atPlaceByelawRelatesTo)", nameAndAddress.PermittedIf);
        Assert.Null(nameAndAddress.Residual!.Stopped);
    }

    [Fact]
    public void Write_FullDocumentOfAStoppedSearch_PermittedIfNullWithTheReason()
    {
        var decision = Decide(UnboundedResidualLibrary.Query);
        using var document = JsonDocument.Parse(Json(decision, DecisionDetail.Full, StepsOnly));
        var entry = document.RootElement.GetProperty("decisions").EnumerateArray().Single(p => p.GetProperty("power").GetString() == "entry-to-save-life");
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("permittedIf").ValueKind);
        Assert.Equal("stopped after 4,000 steps (the analysis budget)", entry.GetProperty("permittedIfStopped").GetString());
        Assert.False(entry.TryGetProperty("example", out _));
    }

    [Fact]
    public void Explain_TimeBudgetSpent_StopsEveryLaterSearchWithTheTime()
    {
        // A clock that moves 1 ms each time it is read (every 1,024 steps): the call's 2 ms are gone at the third read.
        var budget = new AnalysisBudget { MaxSteps = long.MaxValue, TimeLimit = TimeSpan.FromMilliseconds(2), TimeProvider = new SteppingClock(TimeSpan.FromMilliseconds(1)) };
        var powers = Decide(UnboundedResidualLibrary.Query).Explain(budget);
        Assert.Equal("stopped after 2 ms (the analysis budget)", powers.Single(p => p.Power == "entry-to-save-life").Residual!.Stopped);
    }

    [Fact]
    public void Explain_LittleWorkOnAStalledClock_NeverStopsOnTime()
    {
        // A clock that jumps an hour each read: a call that needs fewer than 1,024 steps never reads it.
        var budget = new AnalysisBudget { MaxSteps = long.MaxValue, TimeLimit = TimeSpan.FromMilliseconds(1), TimeProvider = new SteppingClock(TimeSpan.FromHours(1)) };
        var engine = new PowersEngine(ShippedLibrary.Instance);
        var query = Read(ShippedLibrary.Instance, """{"date":"2013-01-01","designation":"met-2002-security","facts":{"inUniform":true}}""");
        var bounded = engine.Decide(query).Explain(budget);
        Assert.Equal(engine.Decide(query).Explain(AnalysisBudget.Unlimited).Select(p => p.PermittedIf), bounded.Select(p => p.PermittedIf));
        Assert.Contains(bounded, p => p.PermittedIf is not null);
    }

    [Fact]
    public void Explain_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var decision = Decide(UnboundedResidualLibrary.Query);
        Assert.Throws<OperationCanceledException>(() => decision.Explain(AnalysisBudget.Unlimited, cancelled.Token));
    }

    [Fact]
    public void Explain_ShippedLibrary_SameResidualUnderAnyBudgetThatFinishes()
    {
        // The default budget is far above what the shipped library needs: it never stops there.
        var engine = new PowersEngine(ShippedLibrary.Instance);
        var query = Read(ShippedLibrary.Instance, """{"date":"2013-01-01","designation":"met-2002-security","facts":{"inUniform":true,"terrorismAuthorisation":"s47a","authorisationAgeHours":50}}""");
        var bounded = engine.Decide(query).Explain();
        var unlimited = engine.Decide(query).Explain(AnalysisBudget.Unlimited);
        Assert.Equal(unlimited.Select(p => p.PermittedIf), bounded.Select(p => p.PermittedIf));
        Assert.Contains(bounded, p => p.PermittedIf is not null);
        Assert.All(bounded, p => Assert.Null(p.Residual?.Stopped));
    }

    private static Decision Decide(string json) => new PowersEngine(Unbounded.Value).Decide(Read(Unbounded.Value, json));

    private static Query Read(RuleLibrary library, string json)
    {
        var errors = new List<QueryError>();
        return QueryReader.Parse(library, json, errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
    }

    private static string Json(Decision decision, DecisionDetail detail, AnalysisBudget budget)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            DecisionJsonWriter.Write(writer, decision, detail, budget, default);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _now;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _now, step.Ticks);
    }
}
