using Powers.Model;

namespace Powers.Evaluation;

/// <summary>One clause of a power's decision, with its status and citation.</summary>
public sealed class ClauseResult
{
    internal ClauseResult(Clause clause, Tri status)
    {
        Clause = clause;
        Status = status;
    }

    /// <summary>The clause.</summary>
    public Clause Clause { get; }

    /// <summary>Held, failed or unknown.</summary>
    public Tri Status { get; }
}
