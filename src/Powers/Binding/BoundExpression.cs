using Powers.Text;

namespace Powers.Binding;

/// <summary>
/// A node of a bound (name-resolved, type-checked) expression tree, with the span it came from. Made only by the
/// compiler, read by exporters and oracles; compared by reference (nothing needs two equal trees to be one).
/// </summary>
public abstract class BoundExpression
{
    private protected BoundExpression(TextSpan span, BoundType type)
    {
        Span = span;
        Type = type;
    }

    /// <summary>Where in the expression text the node came from.</summary>
    public TextSpan Span { get; }

    /// <summary>The node's type.</summary>
    public BoundType Type { get; }
}
