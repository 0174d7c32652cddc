namespace Powers.Analysis;

/// <summary>
/// What would permit an undetermined power: <see cref="Condition"/> over the missing facts alone (known facts
/// substituted, then simplified; <c>"false"</c> when no values of the missing facts permit, <c>"true"</c> when all
/// do), and <see cref="Example"/>, values of the missing facts that permit (null when nothing permits). When the
/// search ran out of its <see cref="AnalysisBudget"/>, both are null and <see cref="Stopped"/> says why: never a
/// condition that was not established.
/// </summary>
/// <param name="Condition">The residual condition in the rule expression language, or null when the search stopped.</param>
/// <param name="Example">Missing-fact values that make the power permitted, or null.</param>
internal sealed record Residual(string? Condition, IReadOnlyList<FactValue>? Example)
{
    /// <summary>Why the search stopped before it knew the condition (its budget ran out), or null when it finished.</summary>
    public string? Stopped { get; init; }

    /// <summary>Whether some values of the missing facts are known to permit.</summary>
    public bool Satisfiable => Example is not null;

    /// <summary>A residual the search could not finish, with the reason.</summary>
    internal static Residual StoppedBy(string reason) => new(null, null) { Stopped = reason };
}
