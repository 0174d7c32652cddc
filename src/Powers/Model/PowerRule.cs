using Powers.Text;

namespace Powers.Model;

/// <summary>A power as one version of the law confers it on CSOs. Immutable.</summary>
public sealed class PowerRule
{
    internal PowerRule(string id, string title, string cite, IReadOnlyList<Clause> clauses, IReadOnlySet<string>? forces, IReadOnlyList<string> requires, Confidence confidence, string? note, Location location)
    {
        Id = id;
        Title = title;
        Cite = cite;
        Clauses = clauses;
        Forces = forces;
        Requires = requires;
        Confidence = confidence;
        Note = note;
        Location = location;
    }

    /// <summary>The power id.</summary>
    public string Id { get; }

    /// <summary>The title in this version.</summary>
    public string Title { get; }

    /// <summary>The provision conferring the power in this version.</summary>
    public string Cite { get; }

    /// <summary>The power's own clauses.</summary>
    public IReadOnlyList<Clause> Clauses { get; }

    /// <summary>When not null, the power is in force only for designations of these forces (e.g. a pilot).</summary>
    public IReadOnlySet<string>? Forces { get; }

    /// <summary>
    /// When not null, the power is in force only for designations of forces whose every nation is listed (a provision
    /// commenced on different days in England and in Wales); a force of several nations, or of none known, is outside.
    /// </summary>
    public IReadOnlySet<string>? Nations { get; internal init; }

    /// <summary>
    /// Why the power is not in force for a force outside <see cref="Forces"/> or <see cref="Nations"/>, and how well
    /// that is supported; null when the file does not say (the reason then names the forces or nations). Its
    /// confidence bears only on the decisions of those forces, never on the power's own decisions.
    /// </summary>
    internal PowerRemoval? OtherForces { get; init; }

    /// <summary>Power ids that must also be conferred for this one to be conferred.</summary>
    public IReadOnlyList<string> Requires { get; }

    /// <summary>How well the power's existence in this version is supported.</summary>
    public Confidence Confidence { get; }

    /// <summary>What is uncertain, for a low-confidence power.</summary>
    public string? Note { get; }

    /// <summary>Where it is written.</summary>
    public Location Location { get; }
}
