using Powers.Text;

namespace Powers.Binding;

/// <summary>
/// <c>granted('power-id')</c>: whether the CSO has the power. It depends on the designation and the version, never on
/// the facts, so a plan replaces it by a constant before anything evaluates it (<see cref="GrantedSubstitution"/>).
/// An evaluator that meets one anyway reads it as unknown, which can never make a clause permit.
/// </summary>
public sealed record BoundGranted(TextSpan Span, string PowerId) : BoundExpression(Span, BoundType.Bool);
