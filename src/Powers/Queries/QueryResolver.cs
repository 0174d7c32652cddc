using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Powers.Binding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Text;

namespace Powers.Queries;

/// <summary>
/// The one place that gives raw query values their meaning against a library: dates, rule set references, stored
/// and ad-hoc designations, forces, powers, facts and their values. Every "unknown ...; did you mean" and every value
/// error of a query is written here, so a document (<see cref="QueryReader"/>), the fast path
/// (<see cref="CompactQueryReader"/>, which uses the allocation-free <c>TryX</c> lookups and falls back to the
/// document reader only to report) and command-line flags say the same thing about the same mistake. Readers only
/// find values and say which field they came from. One per library (<see cref="For"/>); immutable but for a bounded
/// cache of ad-hoc designations; thread-safe.
/// </summary>
internal sealed class QueryResolver
{
    /// <summary>The properties of a query document.</summary>
    public static readonly string[] QueryProperties = ["date", "designation", "ruleset", "facts", "power"];

    /// <summary>The properties of an ad-hoc designation.</summary>
    public static readonly string[] DesignationProperties = ["force", "powers", "made", "restrictions"];

    private const int MaxAdHoc = 1024;
    private static readonly ConditionalWeakTable<RuleLibrary, QueryResolver> Resolvers = new();
    private readonly Dictionary<string, Designation>.AlternateLookup<ReadOnlySpan<char>> _designations;
    private readonly Dictionary<string, Force>.AlternateLookup<ReadOnlySpan<char>> _forces;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _powers;
    private readonly Dictionary<string, RuleSetVersion?>.AlternateLookup<ReadOnlySpan<char>> _rulesets;
    private readonly ConcurrentDictionary<(Force Force, ulong Powers, int Made), Designation> _adHoc = new(AdHocKeyComparer.Instance);
    private int _adHocBuilt;
    private readonly FactSymbol?[] _factTable;
    private readonly string[][] _enumValues;
    private readonly int _factMask;
    private readonly Dictionary<string, RuleSetVersion[]> _versionsByFamily;

    private QueryResolver(RuleLibrary library)
    {
        Library = library;
        _designations = library.Designations.ToDictionary(d => d.Id!, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _forces = library.Forces.ToDictionary(f => f.Id, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _powers = Enumerable.Range(0, library.Powers.Count).ToDictionary(p => library.Powers[p].Id, p => p, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        // "family" resolves by date (null here), "family@version" to that version.
        var rulesets = new Dictionary<string, RuleSetVersion?>(StringComparer.Ordinal);
        foreach (string family in library.Families)
        {
            rulesets[family] = null;
        }

        foreach (var version in library.Versions)
        {
            rulesets[version.Family + "@" + version.Version] = version;
        }

        _rulesets = rulesets.GetAlternateLookup<ReadOnlySpan<char>>();
        // Arrays, in the library's order, so choosing by date walks no boxed enumerator (RuleLibrary.VersionInForce does).
        _versionsByFamily = library.Versions.GroupBy(v => v.Family, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        // Open addressing over a cheap hash of the name, at most half full: a probe or two per fact name.
        int size = 16;
        while (size < library.Schema.Count * 2)
        {
            size *= 2;
        }

        // Arrays by fact index: an enum's values without the interface calls of IReadOnlyList.
        _enumValues = new string[library.Schema.Count][];
        foreach (var fact in library.Schema.Facts)
        {
            _enumValues[fact.Index] = [.. fact.Values];
        }

        _factTable = new FactSymbol?[size];
        _factMask = size - 1;
        foreach (var fact in library.Schema.Facts)
        {
            int slot = Hash(fact.Name) & _factMask;
            while (_factTable[slot] is not null)
            {
                slot = (slot + 1) & _factMask;
            }

            _factTable[slot] = fact;
        }
    }

    /// <summary>The library names are resolved against.</summary>
    public RuleLibrary Library { get; }

    /// <summary>Whether ad-hoc power sets fit the fast path's 64-bit mask (<see cref="AdHoc"/>).</summary>
    public bool PowersFitMask => Library.Powers.Count <= 64;

    /// <summary>The resolver of a library, built once and shared.</summary>
    public static QueryResolver For(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return Resolvers.GetValue(library, static l => new QueryResolver(l));
    }

    // ---- Lookups that allocate nothing: the fast path's, and the first step of every reporting method. ----

    /// <summary>A stored designation by id.</summary>
    public bool TryGetDesignation(ReadOnlySpan<char> id, out Designation designation) => _designations.TryGetValue(id, out designation!);

    /// <summary>A force by id.</summary>
    public bool TryGetForce(ReadOnlySpan<char> id, out Force force) => _forces.TryGetValue(id, out force!);

    /// <summary>A power's index in the library's catalogue, by id.</summary>
    public bool TryGetPower(ReadOnlySpan<char> id, out int index) => _powers.TryGetValue(id, out index);

    /// <summary>A fact by name.</summary>
    public bool TryGetFact(ReadOnlySpan<char> name, out FactSymbol fact)
    {
        int slot = Hash(name) & _factMask;
        while (_factTable[slot] is { } candidate)
        {
            if (name.SequenceEqual(candidate.Name))
            {
                fact = candidate;
                return true;
            }

            slot = (slot + 1) & _factMask;
        }

        fact = null!;
        return false;
    }

    /// <summary>The index of an enum fact's value, by its name (as <see cref="FactSymbol.IndexOfValue"/>).</summary>
    public bool TryGetEnumValue(FactSymbol fact, ReadOnlySpan<char> text, out int index)
    {
        var values = _enumValues[fact.Index];
        for (int i = 0; i < values.Length; i++)
        {
            if (text.SequenceEqual(values[i]))
            {
                index = i;
                return true;
            }
        }

        // Stryker disable once Unary : a caller reads the index only when this returns true
        index = -1;
        return false;
    }

    /// <summary>A rule set reference: <c>family</c> (the version then goes by date) or <c>family@version</c>.</summary>
    public bool TryGetRuleset(ReadOnlySpan<char> text, out string? family, out RuleSetVersion? version)
    {
        family = null;
        if (!_rulesets.TryGetValue(text, out string? key, out version))
        {
            return false;
        }

        family = version?.Family ?? key;
        return true;
    }

    /// <summary>Exactly YYYY-MM-DD with a real day (year 1 to 9999); nothing else is a date in a query.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return false;
        }

        int year = 0;
        int month = 0;
        int day = 0;
        for (int i = 0; i < 10; i++)
        {
            if (i is 4 or 7)
            {
                continue;
            }

            int digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            // Stryker disable once Equality : i is never 4 here (the separators are skipped above)
            if (i < 4)
            {
                year = year * 10 + digit;
            }
            else if (i < 7)
            {
                month = month * 10 + digit;
            }
            else
            {
                day = day * 10 + digit;
            }
        }

        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>A JSON number that is a whole number in 32 bits (<c>-0</c> is 0); no fraction or exponent.</summary>
    public static bool TryParseWholeNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        int i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        int digits = text.Length - i;
        if (digits == 0 || (digits > 1 && text[i] == '0'))
        {
            return false;
        }

        long acc = 0;
        for (; i < text.Length; i++)
        {
            int digit = text[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            acc = acc * 10 + digit;
            if (acc > 1L + int.MaxValue)
            {
                return false;
            }
        }

        acc = text[0] == '-' ? -acc : acc;
        if (acc > int.MaxValue)
        {
            return false;
        }

        value = (int)acc;
        return true;
    }

    /// <summary>
    /// The version a query decides under: a named version (on a date inside its effective range, unless it was never
    /// in force, as the Bill); else the family's (or the default family's) version in force on the date. False when
    /// neither a date nor a named version is given, or the date is outside the named version's range.
    /// </summary>
    public bool TrySelectVersion(string? family, RuleSetVersion? named, DateOnly? date, out RuleSetVersion? version)
    {
        version = named;
        if (named is not null)
        {
            return date is not { } day || named.Effective.Never || named.Effective.Contains(day);
        }

        if (date is not { } on)
        {
            return false;
        }

        family ??= Library.DefaultFamily;
        version = family is null ? null : VersionInForce(family, on);
        return true;
    }

    /// <summary>The version of a family in force on a date, or null: as <see cref="RuleLibrary.VersionInForce"/>, allocating nothing.</summary>
    public RuleSetVersion? VersionInForce(string family, DateOnly date)
    {
        if (_versionsByFamily.TryGetValue(family, out var versions))
        {
            foreach (var v in versions)
            {
                if (v.Effective.Contains(date))
                {
                    return v;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The ad-hoc designation of a force, a set of powers (bit i: the library's power i; only when
    /// <see cref="PowersFitMask"/>) and a made day: built once and reused, so repeated queries share plans.
    /// </summary>
    public Designation AdHoc(Force force, ulong powers, DateOnly? made)
    {
        ArgumentNullException.ThrowIfNull(force);
        var key = (force, powers, made?.DayNumber ?? int.MinValue);
        if (_adHoc.TryGetValue(key, out var designation))
        {
            return designation;
        }

        // Counted here, not by _adHoc.Count, which takes every one of the dictionary's locks (up to 1024 once it has
        // grown): tens of microseconds per new designation, most of the time of an NDJSON stream of made days.
        if (Interlocked.Increment(ref _adHocBuilt) > MaxAdHoc)
        {
            _adHoc.Clear();
            Volatile.Write(ref _adHocBuilt, 1);
        }

        if (made is not null)
        {
            // Made days vary far more than forces and powers: share the powers (and their mask) of the undated one.
            return _adHoc.GetOrAdd(key, AdHoc(force, powers, null).WithMade(made));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int p = 0; p < Library.Powers.Count; p++)
        {
            if ((powers >> p & 1) != 0)
            {
                ids.Add(Library.Powers[p].Id);
            }
        }

        return _adHoc.GetOrAdd(key, Designation.AdHoc(force.Id, ids, made));
    }

    // ---- Resolving with messages: every error a query can have is worded below. ----

    /// <summary>A date (<c>date</c>, <c>designation.made</c>, <c>--date</c>).</summary>
    public static DateOnly? Date(in QueryValue value, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.Kind != QueryValueKind.String)
        {
            Add(errors, QueryErrorDescriptors.WrongType, field, "expected a date string YYYY-MM-DD, not " + value.Describe(), value.Span);
            return null;
        }

        if (TryParseDate(value.Text, out var date))
        {
            return date;
        }

        Add(errors, QueryErrorDescriptors.InvalidDate, field, "'" + value.Text + "' is not a date; use YYYY-MM-DD, e.g. 2013-03-01", value.Span);
        return null;
    }

    /// <summary>A rule set reference, <c>ID</c> or <c>ID@VERSION</c>; false after reporting when it is unknown.</summary>
    public bool Ruleset(in QueryValue value, string field, List<QueryError> errors, out string? family, out RuleSetVersion? named)
    {
        ArgumentNullException.ThrowIfNull(errors);
        family = null;
        named = null;
        if (value.Kind != QueryValueKind.String)
        {
            Add(errors, QueryErrorDescriptors.WrongType, field, "expected a string such as 'pra2002-sch4@2012-07-10', not " + value.Describe(), value.Span);
            // Stryker disable once Boolean : a non-string comes only from a document, whose query is refused on the error just added
            return false;
        }

        if (TryGetRuleset(value.Text, out family, out named))
        {
            return true;
        }

        string text = value.Text;
        int at = text.IndexOf('@', StringComparison.Ordinal);
        string familyId = at < 0 ? text : text[..at];
        if (!Library.Families.Contains(familyId))
        {
            Add(errors, QueryErrorDescriptors.UnknownRuleset, field, "unknown rule set '" + familyId + "'" + DidYouMean.Suffix(familyId, Library.Families), value.Span);
            return false;
        }

        string versionId = text[(at + 1)..];
        var versions = Library.Versions.Where(v => v.Family == familyId).Select(v => v.Version);
        Add(errors, QueryErrorDescriptors.UnknownRulesetVersion, field, "rule set '" + familyId + "' has no version '" + versionId + "'" + DidYouMean.Suffix(versionId, versions), value.Span);
        return false;
    }

    /// <summary>
    /// The version to decide under, as <see cref="TrySelectVersion"/>, reporting a missing date (when no date was
    /// given at all) or a date outside the named version's range (naming both fields).
    /// </summary>
    public RuleSetVersion? Version(string? family, RuleSetVersion? named, DateOnly? date, bool dateGiven, string dateField, string rulesetField, TextSpan? rulesetSpan, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (TrySelectVersion(family, named, date, out var version))
        {
            return version;
        }

        if (named is not null && date is { } day)
        {
            // Deciding one version's law on a day it was not in force would answer with repealed law (a s.44
            // search "permitted" in 2019). The Bill, never in force, takes any date.
            var inForce = VersionInForce(named.Family, day);
            string instead = inForce is null ? "no version is in force on that date" : "on that date " + inForce.Id + " is in force";
            Add(errors, QueryErrorDescriptors.DateOutsideRuleset, rulesetField, "'date' " + EffectiveRange.Format(day) + " is outside the effective range of 'ruleset' " + named.Id + " (" + named.Effective + "); omit one of the two (" + instead + ")", rulesetSpan);
        }
        else if (!dateGiven)
        {
            Add(errors, QueryErrorDescriptors.Missing, dateField, "a date (YYYY-MM-DD) is required unless 'ruleset' names a version (ID@VERSION)", null);
        }

        return null;
    }

    /// <summary>A stored designation by id.</summary>
    public Designation? StoredDesignation(in QueryValue value, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.Kind != QueryValueKind.String)
        {
            Add(errors, QueryErrorDescriptors.WrongType, field, "expected a designation id or an object { \"force\": ..., \"powers\": [...] }, not " + value.Describe(), value.Span);
            return null;
        }

        if (TryGetDesignation(value.Text, out var designation))
        {
            return designation;
        }

        Add(errors, QueryErrorDescriptors.UnknownDesignation, field, "unknown designation '" + value.Text + "'" + DidYouMean.Suffix(value.Text, Library.Designations.Select(d => d.Id!)), value.Span);
        return null;
    }

    /// <summary>The designating force of an ad-hoc designation.</summary>
    public Force? Force(in QueryValue value, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.Kind != QueryValueKind.String)
        {
            Add(errors, QueryErrorDescriptors.WrongType, field, "expected a force id, not " + value.Describe(), value.Span);
            return null;
        }

        if (TryGetForce(value.Text, out var force))
        {
            return force;
        }

        Add(errors, QueryErrorDescriptors.UnknownForce, field, "unknown force '" + value.Text + "'" + DidYouMean.Suffix(value.Text, Library.Forces.Select(f => f.Id)), value.Span);
        return null;
    }

    /// <summary>A power id: its index in the catalogue, or -1 after reporting.</summary>
    public int Power(in QueryValue value, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value.Kind != QueryValueKind.String)
        {
            Add(errors, QueryErrorDescriptors.WrongType, field, "expected a power id, not " + value.Describe(), value.Span);
            // Stryker disable once Unary : a non-string comes only from a document, whose query is refused on the error just added
            return -1;
        }

        if (TryGetPower(value.Text, out int index))
        {
            return index;
        }

        Add(errors, QueryErrorDescriptors.UnknownPower, field, "unknown power '" + value.Text + "'" + DidYouMean.Suffix(value.Text, Library.Powers.Select(p => p.Id)), value.Span);
        return -1;
    }

    /// <summary>A fact by name (<paramref name="span"/>: the name's span in a document).</summary>
    public FactSymbol? Fact(string name, string field, TextSpan? span, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(errors);
        if (TryGetFact(name, out var fact))
        {
            return fact;
        }

        Add(errors, QueryErrorDescriptors.UnknownFact, field, Library.Schema.UnknownFact(name), span);
        return null;
    }

    /// <summary>Stores a fact's value in the situation, or reports why it is not a value of that fact (null: unknown).</summary>
    public static void SetFact(FactSymbol fact, in QueryValue value, string field, Situation situation, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(fact);
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(errors);
        switch (fact.Kind, value.Kind)
        {
            case (_, QueryValueKind.Null):
                return; // explicitly unknown
            case (FactKind.Bool, QueryValueKind.Boolean):
                situation.Store(fact.Index, value.Text == "true" ? 1 : 0);
                return;
            case (FactKind.Int, QueryValueKind.Number):
                SetWholeNumber(fact, value, field, situation, errors);
                return;
            case (FactKind.Enum, QueryValueKind.String):
                int index = fact.IndexOfValue(value.Text);
                if (index < 0)
                {
                    Add(errors, QueryErrorDescriptors.UnknownFactValue, field, fact.NotAValue(value.Text), value.Span);
                    return;
                }

                situation.Store(fact.Index, index);
                return;
            default:
                string expected = fact.Kind switch
                {
                    FactKind.Bool => "true or false",
                    FactKind.Int => "a whole number",
                    _ => "one of '" + string.Join("', '", fact.Values) + "'",
                };
                Add(errors, QueryErrorDescriptors.WrongType, field, "expected " + expected + " (or null for unknown), not " + value.Describe(), value.Span);
                return;
        }
    }

    /// <summary>A property a query or an ad-hoc designation does not have.</summary>
    public static void UnknownProperty(string field, string name, IEnumerable<string> properties, TextSpan? span, List<QueryError> errors) =>
        Add(errors, QueryErrorDescriptors.UnknownProperty, field, "unknown property" + DidYouMean.Suffix(name, properties), span);

    /// <summary>A property given twice: ambiguous, so refused rather than guessed (the first would otherwise win silently).</summary>
    public static void Duplicate(string field, TextSpan? span, List<QueryError> errors) =>
        Add(errors, QueryErrorDescriptors.DuplicateProperty, field, "is given more than once; give it once", span);

    /// <summary>A required part that is missing.</summary>
    public static void Missing(string field, MissingPart part, TextSpan? span, List<QueryError> errors) =>
        Add(errors, QueryErrorDescriptors.Missing, field, part switch
        {
            MissingPart.Designation => "a designation id or { \"force\": ..., \"powers\": [...] } is required",
            MissingPart.Force => "an ad-hoc designation needs a force, e.g. \"kent\"",
            _ => "an ad-hoc designation needs a list of powers (it may be empty)",
        }, span);

    /// <summary>A value of the wrong JSON type for a part of the query's structure (<c>facts</c>, <c>designation.powers</c>).</summary>
    public static void WrongShape(string field, string expected, in QueryValue value, List<QueryError> errors) =>
        Add(errors, QueryErrorDescriptors.WrongType, field, "expected " + expected + ", not " + value.Describe(), value.Span);

    /// <summary>Adds an error with its span.</summary>
    public static void Add(List<QueryError> errors, QueryErrorDescriptor descriptor, string field, string message, TextSpan? span)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Add(new QueryError(descriptor, field, message, span));
    }

    private static void SetWholeNumber(FactSymbol fact, in QueryValue value, string field, Situation situation, List<QueryError> errors)
    {
        if (!TryParseWholeNumber(value.Text, out int number))
        {
            // A fraction or exponent is not a whole number; a whole number past 32 bits is out of range.
            bool whole = value.Text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;
            string message = !whole ? "expected a whole number, not " + value.Text
                : value.Text.StartsWith('-') ? "must be " + fact.Min.ToString(CultureInfo.InvariantCulture) + " or more, not " + value.Text
                : "must be " + int.MaxValue.ToString(CultureInfo.InvariantCulture) + " or less, not " + value.Text;
            Add(errors, whole ? QueryErrorDescriptors.OutOfRange : QueryErrorDescriptors.NotWholeNumber, field, message, value.Span);
            return;
        }

        if (number < fact.Min)
        {
            Add(errors, QueryErrorDescriptors.OutOfRange, field, "must be " + fact.Min.ToString(CultureInfo.InvariantCulture) + " or more, not " + number.ToString(CultureInfo.InvariantCulture), value.Span);
            return;
        }

        situation.Store(fact.Index, number);
    }

    private static int Hash(ReadOnlySpan<char> name)
    {
        if (name.Length == 0)
        {
            return 0;
        }

        int middle = name[name.Length / 2];
        int third = name[name.Length / 3];
        // Stryker disable once Arithmetic : insertion and lookup share this hash, so any mix of the name is correct; it only spreads the slots
        return (name.Length * 31) ^ (name[0] * 7) ^ (name[^1] * 13) ^ (middle * 17) ^ (third * 5);
    }
}
