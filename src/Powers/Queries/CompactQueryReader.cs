using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Queries;

/// <summary>
/// Reads a query document straight from text into a reused <see cref="Situation"/>, with no tree: the fast path for
/// NDJSON streams and the hosted service. It reads every valid shape of domain.md: a stored or ad-hoc designation
/// (with <c>made</c>), <c>ruleset</c>, <c>power</c>, <c>$schema</c>, escapes in strings, properties in any order.
/// It declines (returns false) only what is not a valid query, or a rare form it leaves to the full reader (a
/// number written with a fraction or exponent, a string longer than 128 characters once unescaped, a catalogue of
/// more than 64 powers); the caller then reads the document with <see cref="QueryReader"/>, which reports the error
/// or decides it the same way. Stored designations come back as the library's own; an ad-hoc one is built once per
/// force, powers and made day and reused. Thread-safe; only the situation passed in is written.
/// </summary>
public sealed class CompactQueryReader
{
    private const int MaxAdHoc = 1024;
    private const int ScratchLength = 128;
    private readonly Dictionary<string, Designation>.AlternateLookup<ReadOnlySpan<char>> _designations;
    private readonly Dictionary<string, Force>.AlternateLookup<ReadOnlySpan<char>> _forces;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _powers;
    private readonly Dictionary<string, RuleSetVersion?>.AlternateLookup<ReadOnlySpan<char>> _rulesets;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Force Force, ulong Powers, int Made), Designation> _adHoc = new();
    private readonly FactSymbol?[] _factTable;
    private readonly int _factMask;

    /// <summary>Creates a reader for a library.</summary>
    public CompactQueryReader(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
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
        // Open addressing over a cheap hash of the name, at most half full: a probe or two per fact name.
        int size = 16;
        while (size < library.Schema.Count * 2)
        {
            size *= 2;
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

    /// <summary>
    /// Reads a query; on success <paramref name="situation"/> holds its facts, and the date (null when a
    /// <c>ruleset</c> names the version), the designation and the version are resolved exactly as
    /// <see cref="QueryReader"/> resolves them.
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> json, Situation situation, out DateOnly? date, out Designation? designation, out RuleSetVersion? version)
    {
        ArgumentNullException.ThrowIfNull(situation);
        situation.Clear();
        date = null;
        designation = null;
        version = null;
        Span<char> scratch = stackalloc char[ScratchLength];
        int pos = 0;
        int seen = 0;
        string? family = null;
        RuleSetVersion? named = null;
        if (!Expect(json, ref pos, '{'))
        {
            return false;
        }

        if (!Peek(json, ref pos, '}'))
        {
            while (true)
            {
                if (!ReadString(json, ref pos, scratch, out var name) || !Expect(json, ref pos, ':'))
                {
                    return false;
                }

                int property = name switch
                {
                    "date" => 1,
                    "designation" => 2,
                    "facts" => 4,
                    "ruleset" => 8,
                    "power" => 16,
                    "$schema" => 32,
                    _ => 0,
                };
                if (property == 0 || (seen & property) != 0)
                {
                    return false; // an unknown or repeated property is an error the full reader names
                }

                seen |= property;
                bool read = property switch
                {
                    1 => ReadString(json, ref pos, scratch, out var text) && TryParseDate(text, out date),
                    2 => ReadDesignation(json, ref pos, scratch, out designation),
                    4 => ReadFacts(json, ref pos, scratch, situation),
                    8 => ReadString(json, ref pos, scratch, out var ruleset) && ResolveRuleset(ruleset, out family, out named),
                    16 => ReadString(json, ref pos, scratch, out var power) && _powers.ContainsKey(power),
                    _ => ReadString(json, ref pos, scratch, out _),
                };
                if (!read)
                {
                    return false;
                }

                if (Peek(json, ref pos, ','))
                {
                    continue;
                }

                if (Peek(json, ref pos, '}'))
                {
                    break;
                }

                return false;
            }
        }

        SkipSpace(json, ref pos);
        return pos == json.Length && designation is not null && ResolveVersion(family, named, date, out version);
    }

    /// <summary>Reads a query given as UTF-8 bytes, as <see cref="TryRead(ReadOnlySpan{char}, Situation, out DateOnly?, out Designation?, out RuleSetVersion?)"/>.</summary>
    public bool TryRead(ReadOnlySpan<byte> utf8, Situation situation, out DateOnly? date, out Designation? designation, out RuleSetVersion? version)
    {
        const int StackChars = 1024;
        if (utf8.Length <= StackChars)
        {
            Span<char> chars = stackalloc char[StackChars];
            return TryDecode(utf8, chars, situation, out date, out designation, out version);
        }

        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            return TryDecode(utf8, rented, situation, out date, out designation, out version);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private bool TryDecode(ReadOnlySpan<byte> utf8, Span<char> chars, Situation situation, out DateOnly? date, out Designation? designation, out RuleSetVersion? version)
    {
        // Invalid UTF-8 declines, and the full reader reports it.
        if (System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out int written, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            ArgumentNullException.ThrowIfNull(situation);
            date = null;
            designation = null;
            version = null;
            return false;
        }

        return TryRead(chars[..written], situation, out date, out designation, out version);
    }

    // As QueryReader.ResolveVersion: a named version (on a date inside its range, unless never in force); a family,
    // or the default one, by the date; a date or a named version is required.
    private bool ResolveVersion(string? family, RuleSetVersion? named, DateOnly? date, out RuleSetVersion? version)
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
        version = family is null ? null : Library.VersionInForce(family, on);
        return true;
    }

    private bool ResolveRuleset(ReadOnlySpan<char> text, out string? family, out RuleSetVersion? version)
    {
        family = null;
        if (!_rulesets.TryGetValue(text, out string? key, out version))
        {
            return false;
        }

        family = version?.Family ?? key;
        return true;
    }

    private bool ReadDesignation(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, out Designation? designation)
    {
        designation = null;
        SkipSpace(json, ref pos);
        if (pos < json.Length && json[pos] == '"')
        {
            return ReadString(json, ref pos, scratch, out var id) && _designations.TryGetValue(id, out designation);
        }

        if (!Expect(json, ref pos, '{') || Library.Powers.Count > 64)
        {
            return false;
        }

        Force? force = null;
        ulong powers = 0;
        DateOnly? made = null;
        int seen = 0;
        if (Peek(json, ref pos, '}'))
        {
            return false; // force and powers are required
        }

        while (true)
        {
            if (!ReadString(json, ref pos, scratch, out var name) || !Expect(json, ref pos, ':'))
            {
                return false;
            }

            int property = name switch { "force" => 1, "powers" => 2, "made" => 4, _ => 0 };
            if (property == 0 || (seen & property) != 0)
            {
                return false;
            }

            seen |= property;
            bool read = property switch
            {
                1 => ReadString(json, ref pos, scratch, out var id) && _forces.TryGetValue(id, out force),
                2 => ReadPowers(json, ref pos, scratch, out powers),
                _ => ReadString(json, ref pos, scratch, out var text) && TryParseDate(text, out made),
            };
            if (!read)
            {
                return false;
            }

            if (Peek(json, ref pos, ','))
            {
                continue;
            }

            if (!Peek(json, ref pos, '}') || (seen & 3) != 3)
            {
                return false;
            }

            designation = AdHoc(force!, powers, made);
            return true;
        }
    }

    private bool ReadPowers(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, out ulong powers)
    {
        powers = 0;
        if (!Expect(json, ref pos, '['))
        {
            return false;
        }

        if (Peek(json, ref pos, ']'))
        {
            return true;
        }

        while (true)
        {
            if (!ReadString(json, ref pos, scratch, out var id) || !_powers.TryGetValue(id, out int index))
            {
                return false;
            }

            powers |= 1UL << index;
            if (Peek(json, ref pos, ','))
            {
                continue;
            }

            return Peek(json, ref pos, ']');
        }
    }

    private Designation AdHoc(Force force, ulong powers, DateOnly? made)
    {
        var key = (force, powers, made?.DayNumber ?? int.MinValue);
        if (_adHoc.TryGetValue(key, out var designation))
        {
            return designation;
        }

        if (_adHoc.Count >= MaxAdHoc)
        {
            _adHoc.Clear();
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

    private bool ReadFacts(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, Situation situation)
    {
        if (!Expect(json, ref pos, '{'))
        {
            return false;
        }

        if (Peek(json, ref pos, '}'))
        {
            return true;
        }

        ulong seen = 0;
        while (true)
        {
            if (!ReadString(json, ref pos, scratch, out var name) || !Expect(json, ref pos, ':') || !TryGetFact(name, out var fact))
            {
                return false;
            }

            ulong bit = 1UL << fact.Index;
            if ((seen & bit) != 0)
            {
                return false;
            }

            seen |= bit;
            SkipSpace(json, ref pos);
            if (pos >= json.Length)
            {
                return false;
            }

            char c = json[pos];
            if (c == 'n')
            {
                if (!Literal(json, ref pos, "null"))
                {
                    return false;
                }
            }
            else if (!ReadValue(json, ref pos, scratch, fact, c, situation))
            {
                return false;
            }

            if (Peek(json, ref pos, ','))
            {
                continue;
            }

            return Peek(json, ref pos, '}');
        }
    }

    private static int Hash(ReadOnlySpan<char> name) =>
        name.Length == 0 ? 0 : (name.Length * 31) ^ (name[0] * 7) ^ (name[^1] * 13) ^ (name[name.Length / 2] * 17) ^ (name[name.Length / 3] * 5);

    private bool TryGetFact(ReadOnlySpan<char> name, out FactSymbol fact)
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

    private static bool ReadValue(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, FactSymbol fact, char first, Situation situation)
    {
        switch (fact.Kind)
        {
            case FactKind.Bool when first == 't' && Literal(json, ref pos, "true"):
                situation.Store(fact.Index, 1);
                return true;
            case FactKind.Bool when first == 'f' && Literal(json, ref pos, "false"):
                situation.Store(fact.Index, 0);
                return true;
            case FactKind.Int when ReadWholeNumber(json, ref pos, out int value) && value >= fact.Min:
                situation.Store(fact.Index, value);
                return true;
            case FactKind.Enum when first == '"' && ReadString(json, ref pos, scratch, out var text):
                for (int i = 0; i < fact.Values.Count; i++)
                {
                    if (text.SequenceEqual(fact.Values[i]))
                    {
                        situation.Store(fact.Index, i);
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    // Exactly YYYY-MM-DD with a real day: what DateOnly.TryParseExact(text, "yyyy-MM-dd") accepts, at a fraction of
    // its cost. Anything else declines, and the full reader parses or reports it.
    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly? date)
    {
        date = null;
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

    private static bool ReadWholeNumber(ReadOnlySpan<char> json, ref int pos, out int value)
    {
        value = 0;
        int start = pos;
        long acc = 0;
        while (pos < json.Length && json[pos] is >= '0' and <= '9')
        {
            acc = acc * 10 + (json[pos] - '0');
            if (acc > int.MaxValue)
            {
                return false;
            }

            pos++;
        }

        int digits = pos - start;
        if (digits == 0 || (digits > 1 && json[start] == '0') || (pos < json.Length && json[pos] is '.' or 'e' or 'E'))
        {
            return false;
        }

        value = (int)acc;
        return true;
    }

    private static bool Literal(ReadOnlySpan<char> json, ref int pos, string literal)
    {
        if (!json[pos..].StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }

        pos += literal.Length;
        return pos >= json.Length || !char.IsAsciiLetterOrDigit(json[pos]);
    }

    private static bool ReadString(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, out ReadOnlySpan<char> value)
    {
        value = default;
        if (!Expect(json, ref pos, '"'))
        {
            return false;
        }

        // Names and enum values are short: a plain loop beats setting up a vectorized search.
        int start = pos;
        while (pos < json.Length)
        {
            char c = json[pos];
            if (c == '"')
            {
                value = json[start..pos];
                pos++;
                return true;
            }

            if (c == '\\')
            {
                if (pos - start > scratch.Length)
                {
                    return false;
                }

                json[start..pos].CopyTo(scratch);
                return ReadEscaped(json, ref pos, scratch, pos - start, out value);
            }

            if (c < ' ')
            {
                return false;
            }

            pos++;
        }

        return false;
    }

    // The rest of a string with escapes, unescaped into scratch after the first `length` characters.
    private static bool ReadEscaped(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, int length, out ReadOnlySpan<char> value)
    {
        value = default;
        while (pos < json.Length && length < scratch.Length)
        {
            char c = json[pos++];
            if (c == '"')
            {
                value = scratch[..length];
                return true;
            }

            if (c < ' ')
            {
                return false;
            }

            if (c == '\\')
            {
                if (pos >= json.Length || !Unescape(json, ref pos, out c))
                {
                    return false;
                }
            }

            scratch[length++] = c;
        }

        return false;
    }

    private static bool Unescape(ReadOnlySpan<char> json, ref int pos, out char c)
    {
        char kind = json[pos++];
        c = kind switch
        {
            '"' or '\\' or '/' => kind,
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => '\0',
        };
        if (kind != 'u')
        {
            return c != '\0';
        }

        if (pos + 4 > json.Length || !ushort.TryParse(json.Slice(pos, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out ushort code))
        {
            return false;
        }

        pos += 4;
        c = (char)code;
        return true;
    }

    private static bool Expect(ReadOnlySpan<char> json, ref int pos, char c)
    {
        SkipSpace(json, ref pos);
        if (pos < json.Length && json[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool Peek(ReadOnlySpan<char> json, ref int pos, char c) => Expect(json, ref pos, c);

    private static void SkipSpace(ReadOnlySpan<char> json, ref int pos)
    {
        while (pos < json.Length && json[pos] is ' ' or '\t' or '\r' or '\n')
        {
            pos++;
        }
    }
}
