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

    /// <summary>Per power, the unknown facts that left it undetermined, as a mask over fact indices (zero for any other outcome). Read it; deciding writes it, and a mask written here by the caller may be kept.</summary>
    public UInt128[] Missing { get; }

    /// <summary>The status of each clause of the plan.</summary>
    public Tri[] Statuses { get; }

    /// <summary>
    /// The plan whose deciding last wrote <see cref="Missing"/> whole (null: all zero, as made). A compiled program
    /// writes the masks of the powers it evaluates only, so the others must already be zero: they are when this is
    /// its plan, since no decider writes a non-zero mask for a power whose outcome is fixed.
    /// </summary>
    internal DecisionPlan? MissingWrittenBy { get; set; }
}
