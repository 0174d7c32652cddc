using System.Collections.Concurrent;
using Powers.Binding;
using Powers.Text;

namespace Powers.Model;

/// <summary>A condition: an id, a bound expression, the provision it comes from and its plain text. Immutable.</summary>
public sealed class Clause
{
    private ConcurrentDictionary<ulong, Clause>? _specialized;

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
        GrantedPowers = GrantedUsage.Powers(expression);
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

    /// <summary>
    /// When not null, the clause binds only designations of forces with a nation listed here (or whose nations are
    /// not known): a condition that differed between England and Wales. Null: it binds every force.
    /// </summary>
    public IReadOnlySet<string>? Nations { get; internal init; }

    /// <summary>The facts the clause reads, as a bit mask over fact indices.</summary>
    public UInt128 FactMask { get; }

    /// <summary>
    /// The powers the clause asks about with <c>granted('...')</c>, and with <c>designated('...')</c> as
    /// <c>designated:</c> followed by the id; empty for most clauses.
    /// </summary>
    public IReadOnlyList<string> GrantedPowers { get; }

    /// <summary>
    /// The clause as a plan sees it: every <c>granted('...')</c> replaced by whether the CSO has that power. The
    /// same clause object for the same answers, so its compiled form is built once per combination, not per plan.
    /// </summary>
    internal Clause Specialize(Func<string, bool> granted)
    {
        if (GrantedPowers.Count == 0)
        {
            return this;
        }

        if (GrantedPowers.Count > 64)
        {
            return new Clause(Id, ExpressionText, GrantedSubstitution.Substitute(Expression, granted), Cite, Text, Confidence, Note, Origin, Location) { Nations = Nations };
        }

        ulong key = 0;
        for (int i = 0; i < GrantedPowers.Count; i++)
        {
            if (granted(GrantedPowers[i]))
            {
                key |= 1UL << i;
            }
        }

        var cache = LazyInitializer.EnsureInitialized(ref _specialized, static () => new ConcurrentDictionary<ulong, Clause>());
        return cache.GetOrAdd(key, static (_, state) => new Clause(
            state.Self.Id,
            state.Self.ExpressionText,
            GrantedSubstitution.Substitute(state.Self.Expression, state.Granted),
            state.Self.Cite,
            state.Self.Text,
            state.Self.Confidence,
            state.Self.Note,
            state.Self.Origin,
            state.Self.Location) { Nations = state.Self.Nations }, (Self: this, Granted: granted));
    }
}
