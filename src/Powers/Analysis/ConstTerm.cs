using Powers.Evaluation;

namespace Powers.Analysis;

/// <summary>A decided term: true, false or unknown.</summary>
internal sealed class ConstTerm : Term
{
    private ConstTerm(Tri value) => Value = value;

    public static ConstTerm True { get; } = new(Tri.True);

    public static ConstTerm False { get; } = new(Tri.False);

    public static ConstTerm Unknown { get; } = new(Tri.Unknown);

    public Tri Value { get; }

    public override UInt128 Mask => UInt128.Zero;

    public static ConstTerm Of(Tri value) => value switch
    {
        Tri.True => True,
        Tri.False => False,
        _ => Unknown,
    };
}
