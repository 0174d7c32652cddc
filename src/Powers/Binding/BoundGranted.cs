using Powers.Text;

namespace Powers.Binding;

/// <summary>
/// <c>granted('power-id')</c>: whether the CSO has the power. It depends on the designation and the version, never on
/// the facts, so a plan replaces it by a constant before anything evaluates it (<see cref="GrantedSubstitution"/>).
/// An evaluator that meets one anyway reads it as unknown, which can never make a clause permit.
/// </summary>
internal sealed class BoundGranted(TextSpan span, string powerId) : BoundExpression(span, BoundType.Bool)
{
    /// <summary>The power asked about.</summary>
    public string PowerId { get; } = powerId;

    /// <summary>
    /// Whether it is <c>designated('power-id')</c>: true only when the designation itself grants the power (and it is
    /// conferred), not when the CSO holds it only as a standard power.
    /// </summary>
    public bool Own { get; init; }

    /// <summary>How a plan is asked about it: the power id, or for <see cref="Own"/> the id behind <see cref="OwnPrefix"/>.</summary>
    internal string Key => Own ? OwnPrefix + PowerId : PowerId;

    /// <summary>The prefix of a <see cref="Key"/> that asks whether the designation itself grants the power.</summary>
    internal const string OwnPrefix = "designated:";
}
