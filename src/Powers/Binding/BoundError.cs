using Powers.Text;

namespace Powers.Binding;

/// <summary>Where binding failed (already reported). Evaluates to unknown, so an error can never permit.</summary>
internal sealed class BoundError(TextSpan span) : BoundExpression(span, BoundType.Error);
