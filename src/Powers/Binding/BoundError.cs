using Powers.Text;

namespace Powers.Binding;

/// <summary>Where binding failed (already reported). Evaluates to unknown, so an error can never permit.</summary>
internal sealed record BoundError(TextSpan Span) : BoundExpression(Span, BoundType.Error);
