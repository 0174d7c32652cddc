using Powers.Binding;
using Powers.Text;

namespace Powers.Model;

/// <summary>
/// What a legal team says must hold over every situation (an assertion file entry): for the versions in force in
/// [<see cref="From"/>, <see cref="Until"/>], the designations named (or all, and an ad-hoc one granting every
/// power), the powers named (or all), in every situation where <see cref="When"/> holds, the outcome is never one
/// of <see cref="Outcomes"/> (when <see cref="IsNever"/>) or only one of them.
/// </summary>
internal sealed class Assertion
{
    internal Assertion(string id, string cite, string text, DateOnly? from, DateOnly? until, IReadOnlyList<string>? designations, IReadOnlyList<string>? powers, string whenText, BoundExpression when, bool isNever, IReadOnlySet<Outcome> outcomes, Location location)
    {
        Id = id;
        Cite = cite;
        Text = text;
        From = from;
        Until = until;
        Designations = designations;
        Powers = powers;
        WhenText = whenText;
        When = when;
        IsNever = isNever;
        Outcomes = outcomes;
        Location = location;
    }

    /// <summary>The id, unique in the library.</summary>
    public string Id { get; }

    /// <summary>The provision the assertion comes from.</summary>
    public string Cite { get; }

    /// <summary>What must hold, in plain words.</summary>
    public string Text { get; }

    /// <summary>The first day of the range of versions, or null for no lower bound.</summary>
    public DateOnly? From { get; }

    /// <summary>The last day of the range of versions, or null for no upper bound.</summary>
    public DateOnly? Until { get; }

    /// <summary>Designation ids, or null for every designation of the library and an ad-hoc one granting every power.</summary>
    public IReadOnlyList<string>? Designations { get; }

    /// <summary>Power ids, or null for every power.</summary>
    public IReadOnlyList<string>? Powers { get; }

    /// <summary>The condition as written (<c>true</c> when absent).</summary>
    public string WhenText { get; }

    /// <summary>The bound condition restricting the situations.</summary>
    public BoundExpression When { get; }

    /// <summary>True for <c>never</c>, false for <c>only</c>.</summary>
    public bool IsNever { get; }

    /// <summary>The outcomes listed.</summary>
    public IReadOnlySet<Outcome> Outcomes { get; }

    /// <summary>Where it is written.</summary>
    public Location Location { get; }

    /// <summary>Whether an outcome breaks the assertion.</summary>
    public bool Breaks(Outcome outcome) => IsNever == Outcomes.Contains(outcome);
}
