using Powers.Binding;
using Powers.Text;

namespace Powers.Model;

/// <summary>A condition: an id, a bound expression, the provision it comes from and its plain text. Immutable.</summary>
public sealed class Clause
{
    private object? _compiled;

    internal Clause(string id, string expressionText, BoundExpression expression, string cite, string text, Confidence confidence, string? note, ClauseOrigin origin, Location location)
    {
        Id = id;
        ExpressionText = expressionText;
        Expression = expression;
        Cite = cite;
        Text = text;
        Confidence = confidence;
        Note = note;
        Origin = origin;
        Location = location;
        FactMask = FactUsage.Mask(expression);
    }

    /// <summary>The clause id, unique within a power.</summary>
    public string Id { get; }

    /// <summary>The expression as written in the rule file.</summary>
    public string ExpressionText { get; }

    /// <summary>The bound expression.</summary>
    public BoundExpression Expression { get; }

    /// <summary>The provision the clause comes from.</summary>
    public string Cite { get; }

    /// <summary>What must hold, in plain words.</summary>
    public string Text { get; }

    /// <summary>How well the law behind it is supported.</summary>
    public Confidence Confidence { get; }

    /// <summary>What is uncertain and what would settle it, for a low-confidence clause.</summary>
    public string? Note { get; }

    /// <summary>Where it comes from.</summary>
    public ClauseOrigin Origin { get; }

    /// <summary>Where it is written.</summary>
    public Location Location { get; }

    /// <summary>The facts the clause reads, as a bit mask over fact indices.</summary>
    public ulong FactMask { get; }

    /// <summary>A slot for the compiled form, filled once by the compiled evaluator (thread-safe, idempotent).</summary>
    internal ref object? CompiledSlot => ref _compiled;
}
