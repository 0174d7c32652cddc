using Powers.Analysis;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>The decision for one power: its outcome and the clauses that decided it.</summary>
/// <param name="Plan">The power's plan (catalogue entry, rule, reason).</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Clauses">Every clause with its status, in report order.</param>
/// <param name="Missing">For an undetermined power, the unknown facts its unknown clauses read.</param>
/// <remarks>System.Text.Json writes it as its entry of the decision document (<see cref="PowerDecisionJsonConverter"/>).</remarks>
[System.Text.Json.Serialization.JsonConverter(typeof(PowerDecisionJsonConverter))]
public sealed record PowerDecision(PowerPlan Plan, Outcome Outcome, IReadOnlyList<ClauseResult> Clauses, IReadOnlyList<FactSymbol> Missing)
{
    /// <summary>The power id.</summary>
    public string Power => Plan.Power.Id;

    /// <summary>The title (from the version when in force, otherwise the catalogue).</summary>
    public string Title => Plan.Rule?.Title ?? Plan.Power.Title;

    /// <summary>The provision conferring the power, when in force.</summary>
    public string? Cite => Plan.Rule?.Cite;

    /// <summary>The low-confidence readings of the law this outcome rests on; empty when it is firm.</summary>
    public IReadOnlyList<UncertainReading> Uncertain => field ??= Certainty.Readings(Plan, Outcome, Clauses);

    /// <summary>
    /// For an undetermined power of an explained decision (<see cref="Decision.Explain"/>), what would permit it;
    /// otherwise null. Never computed when read.
    /// </summary>
    internal Residual? Residual { get; init; }

    /// <summary>
    /// The residual condition over the missing facts (<c>"false"</c> when nothing permits), or null: not explained,
    /// or the search ran out of its budget (<see cref="Residual.Stopped"/> then says so).
    /// </summary>
    public string? PermittedIf => Residual?.Condition;

    /// <summary>Missing-fact values that permit, or null (always null when <see cref="PermittedIf"/> is <c>"false"</c>).</summary>
    public IReadOnlyList<FactValue>? Example => Residual?.Example;

    /// <summary><see cref="Confidence.Low"/> when the outcome rests on any low-confidence reading.</summary>
    public Confidence Confidence => Uncertain.Count > 0 ? Confidence.Low : Confidence.High;
}
