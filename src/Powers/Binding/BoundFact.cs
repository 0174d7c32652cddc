using Powers.Text;

namespace Powers.Binding;

/// <summary>A reference to a fact.</summary>
public sealed record BoundFact(TextSpan Span, FactSymbol Fact) : BoundExpression(Span, BoundType.Of(Fact));
