namespace Powers.Hosting;

/// <summary>Thrown when the host starts and a decision record sink cannot record (<see cref="IDecisionRecordSink.Open"/> failed).</summary>
public sealed class DecisionRecordSinkUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DecisionRecordSinkUnavailableException(string sink, string reason, Exception? innerException)
        : base($"The decision record sink {sink} cannot record, so Powers cannot start: {reason}", innerException)
    {
        Sink = sink;
    }

    /// <summary>Creates the exception.</summary>
    public DecisionRecordSinkUnavailableException()
        : this(string.Empty, string.Empty, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    public DecisionRecordSinkUnavailableException(string message)
        : base(message)
    {
        Sink = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public DecisionRecordSinkUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Sink = string.Empty;
    }

    /// <summary>The sink that cannot record.</summary>
    public string Sink { get; }
}
