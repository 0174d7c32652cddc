using Powers.Evaluation;
using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// A caller-owned result for allocation-free decisions: one outcome and one missing-facts mask per power, and
/// one status per clause of the plan. Reuse one per thread.
/// </summary>
public sealed class DecisionBuffer
{
    /// <summary>Creates a buffer for a number of powers and clauses.</summary>
    internal DecisionBuffer(int powers, int clauses)
    {
        Outcomes = new Outcome[powers];
        Missing = new UInt128[powers];
        Statuses = new Tri[clauses];
    }

    /// <summary>The outcome per power, in catalogue order.</summary>
    public Outcome[] Outcomes { get; }

    /// <summary>Per power, the unknown facts that left it undetermined, as a mask over fact indices.</summary>
    public UInt128[] Missing { get; }

    /// <summary>The status of each clause of the plan.</summary>
    public Tri[] Statuses { get; }
}
