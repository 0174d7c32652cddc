namespace Powers.Hosting;

/// <summary>
/// Thrown by <see cref="IPowersService.Decide(string)"/> when decision records are on and a sink could not record
/// the decision: the decision is withheld, because an unrecorded decision must not be acted on.
/// The control-room sample answers 503.
/// </summary>
public sealed class DecisionNotRecordedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DecisionNotRecordedException(string decisionId, string sink, string reason, Exception? innerException)
        : base($"Decision {decisionId} was not recorded by {sink}, so it is withheld: {reason}", innerException)
    {
        DecisionId = decisionId;
        Sink = sink;
        Reason = reason;
    }

    /// <summary>Creates the exception.</summary>
    public DecisionNotRecordedException()
        : this(string.Empty, string.Empty, string.Empty, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DecisionNotRecordedException(string message)
        : base(message)
    {
        DecisionId = Sink = Reason = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public DecisionNotRecordedException(string message, Exception innerException)
        : base(message, innerException)
    {
        DecisionId = Sink = Reason = string.Empty;
    }

    /// <summary>The id of the withheld decision.</summary>
    public string DecisionId { get; }

    /// <summary>The sink that failed (<see cref="IDecisionRecordSink.Name"/>).</summary>
    public string Sink { get; }

    /// <summary>Why the sink could not record the decision.</summary>
    public string Reason { get; }
}
