namespace Powers.Analysis;

/// <summary>
/// What would permit an undetermined power: <see cref="Condition"/> over the missing facts alone (known facts
/// substituted, then simplified; <c>"false"</c> when no values of the missing facts permit, <c>"true"</c> when all
/// do), and <see cref="Example"/>, values of the missing facts that permit (null when nothing permits).
/// </summary>
/// <param name="Condition">The residual condition in the rule expression language.</param>
/// <param name="Example">Missing-fact values that make the power permitted, or null.</param>
public sealed record Residual(string Condition, IReadOnlyList<FactValue>? Example)
{
    /// <summary>Whether some values of the missing facts permit.</summary>
    public bool Satisfiable => Example is not null;
}
