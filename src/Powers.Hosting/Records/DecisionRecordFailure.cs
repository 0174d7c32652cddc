namespace Powers.Hosting;

/// <summary>The last failed attempt to record a decision, for the health check.</summary>
internal sealed record DecisionRecordFailure(DateTimeOffset At, string Sink, string Reason);
