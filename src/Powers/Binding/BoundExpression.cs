using Powers.Text;

namespace Powers.Binding;

/// <summary>A node of a bound (name-resolved, type-checked) expression tree, with the span it came from.</summary>
public abstract record BoundExpression(TextSpan Span, BoundType Type);
