namespace Powers.Properties.Tests.Generators;

/// <summary>Syntactically valid expression text.</summary>
/// <param name="Text">The text.</param>
public sealed record ExpressionText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
