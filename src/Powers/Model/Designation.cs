using Powers.Text;

namespace Powers.Model;

/// <summary>What a chief officer conferred on a CSO. Includes are resolved: <see cref="Powers"/> and <see cref="Restrictions"/> are complete.</summary>
public sealed class Designation
{
    internal Designation(string? id, string title, string force, EffectiveRange effective, string? source, IReadOnlyList<string> includes, IReadOnlySet<string> powers, IReadOnlyList<Restriction> restrictions, string? note, Location? location)
    {
        Id = id;
        Title = title;
        Force = force;
        Effective = effective;
        Source = source;
        Includes = includes;
        Powers = powers;
        Restrictions = restrictions;
        Note = note;
        Location = location;
    }

    /// <summary>The id, or null for an ad-hoc designation given in a query.</summary>
    public string? Id { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The designating force.</summary>
    public string Force { get; }

    /// <summary>When it confers anything.</summary>
    public EffectiveRange Effective { get; }

    /// <summary>The instrument or document it comes from.</summary>
    public string? Source { get; }

    /// <summary>The designations it includes directly.</summary>
    public IReadOnlyList<string> Includes { get; }

    /// <summary>Every power it confers, includes resolved.</summary>
    public IReadOnlySet<string> Powers { get; }

    /// <summary>Every restriction, includes resolved.</summary>
    public IReadOnlyList<Restriction> Restrictions { get; }

    /// <summary>A note, e.g. that it is an illustration.</summary>
    public string? Note { get; }

    /// <summary>Where it is written, or null for an ad-hoc designation.</summary>
    public Location? Location { get; }

    /// <summary>How well what it confers is supported (low for a designation reconstructed from secondary sources).</summary>
    public Confidence Confidence { get; internal init; }

    /// <summary>
    /// The day it was made, which selects transitional rules (<see cref="Preservation"/>). Null for an ad-hoc
    /// designation that does not say: it is then taken as made on the query's date.
    /// </summary>
    public DateOnly? Made { get; internal init; }

    /// <summary>The day it counts as made for a decision on <paramref name="date"/>.</summary>
    public DateOnly? MadeFor(DateOnly? date) => Made ?? date;

    /// <summary>
    /// Whether it confers anything on <paramref name="date"/> (always, without a date): within its effective range
    /// and not before the day it was made. Before that day there is no designation, so the person holds no power at
    /// all, standard powers included (PRA s.38(5); SI 2007/3202 art. 2: "every person who ... is designated").
    /// </summary>
    internal bool InForceOn(DateOnly? date) => date is not { } day || (Effective.Contains(day) && !MadeAfter(day));

    /// <summary>Whether it says it was made after <paramref name="date"/>.</summary>
    internal bool MadeAfter(DateOnly date) => Made is { } made && made > date;

    /// <summary>An ad-hoc designation: a force and the powers granted, with no restrictions.</summary>
    public static Designation AdHoc(string force, IReadOnlySet<string> powers) => AdHoc(force, powers, null, []);

    /// <summary>An ad-hoc designation made on a given day (null: on the query's date) with the restrictions it sets out.</summary>
    public static Designation AdHoc(string force, IReadOnlySet<string> powers, DateOnly? made, IReadOnlyList<Restriction> restrictions)
    {
        ArgumentNullException.ThrowIfNull(powers);
        // The powers are copied: plans are shared by what a designation grants (see PlanKey), so a set the caller
        // changes afterwards must not change what an already-keyed designation grants.
        return new(null, "ad-hoc designation", force, EffectiveRange.Always, null, [], new HashSet<string>(powers, StringComparer.Ordinal), restrictions, null, null) { Made = made };
    }

    /// <summary>An ad-hoc designation made on a given day (null: on the query's date).</summary>
    public static Designation AdHoc(string force, IReadOnlySet<string> powers, DateOnly? made) => AdHoc(force, powers, made, []);

    /// <summary>
    /// This ad-hoc designation stating another made day: the same force, powers (the same set, which never changes)
    /// and restrictions, and the granted mask already computed.
    /// </summary>
    internal Designation WithMade(DateOnly? made) =>
        new(Id, Title, Force, Effective, Source, Includes, Powers, Restrictions, Note, Location) { Confidence = Confidence, Made = made, _granted = Volatile.Read(ref _granted) };

    /// <summary>
    /// The catalogue powers it grants as a mask (bit i: the library's i-th power), for a catalogue of at most 64
    /// powers; computed once per catalogue, since the powers never change.
    /// </summary>
    internal ulong GrantedMask(IReadOnlyList<PowerDefinition> catalogue)
    {
        if (Volatile.Read(ref _granted) is { } known && ReferenceEquals(known.Catalogue, catalogue))
        {
            return known.Mask;
        }

        ulong mask = 0;
        for (int p = 0; p < catalogue.Count && p < 64; p++)
        {
            if (Powers.Contains(catalogue[p].Id))
            {
                mask |= 1UL << p;
            }
        }

        Volatile.Write(ref _granted, new GrantedPowers(catalogue, mask));
        return mask;
    }

    private GrantedPowers? _granted;

    private sealed record GrantedPowers(IReadOnlyList<PowerDefinition> Catalogue, ulong Mask);
}
