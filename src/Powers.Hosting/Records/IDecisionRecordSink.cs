namespace Powers.Hosting;

/// <summary>
/// Receives a record of each decision when <see cref="PowersOptions.RecordDecisions"/> is on. Called on the
/// deciding thread, possibly from many threads at once, so an implementation must be thread-safe and quick.
/// An exception from a sink is logged and does not fail the decision.
/// </summary>
public interface IDecisionRecordSink
{
    /// <summary>Writes one record.</summary>
    void Write(DecisionRecord record);
}
