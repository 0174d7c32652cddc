using Powers.Text;

namespace Powers.Binding;

/// <summary>A reference to a fact.</summary>
public sealed class BoundFact : BoundExpression
{
    internal BoundFact(TextSpan span, FactSymbol fact)
        : base(span, BoundType.Of(fact))
    {
        Fact = fact;
    }

    /// <summary>The fact.</summary>
    public FactSymbol Fact { get; }
}
