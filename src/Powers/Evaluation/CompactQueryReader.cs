using Powers.Binding;
using Powers.Model;

namespace Powers.Evaluation;

/// <summary>
/// Reads the common shape of a query document, <c>{"date": "...", "designation": "id", "facts": {...}}</c>, straight
/// from text into a reused <see cref="Situation"/>, with no tree and no allocation: the fast path for NDJSON streams.
/// Anything else (ad-hoc designations, <c>ruleset</c>, <c>power</c>, escapes, numbers that are not plain whole
/// numbers, unknown names, any mistake) returns false, and the caller reads the line with <see cref="QueryReader"/>,
/// which decides it the same way or reports the error. Not thread-safe only through the situation it fills.
/// </summary>
public sealed class CompactQueryReader
{
    private readonly Dictionary<string, Designation>.AlternateLookup<ReadOnlySpan<char>> _designations;
    private readonly FactSymbol?[] _factTable;
    private readonly int _factMask;

    /// <summary>Creates a reader for a library.</summary>
    public CompactQueryReader(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        _designations = library.Designations.ToDictionary(d => d.Id!, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
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
    /// Reads a query; on success <paramref name="situation"/> holds its facts and the version in force on the date
    /// (as <see cref="QueryReader"/> resolves it) is returned in <paramref name="version"/>.
    /// </summary>
    public bool TryRead(ReadOnlySpan<char> json, Situation situation, out DateOnly date, out Designation? designation, out RuleSetVersion? version)
    {
        ArgumentNullException.ThrowIfNull(situation);
        situation.Clear();
        date = default;
        designation = null;
        version = null;
        int pos = 0;
        bool hasDate = false;
        bool hasFacts = false;
        if (!Expect(json, ref pos, '{'))
        {
            return false;
        }

        if (!Peek(json, ref pos, '}'))
        {
            while (true)
            {
                if (!ReadString(json, ref pos, out var name) || !Expect(json, ref pos, ':'))
                {
                    return false;
                }

                if (name.SequenceEqual("date") && !hasDate)
                {
                    if (!ReadString(json, ref pos, out var text) || !TryParseDate(text, out date))
                    {
                        return false;
                    }

                    hasDate = true;
                }
                else if (name.SequenceEqual("designation") && designation is null)
                {
                    if (!ReadString(json, ref pos, out var id) || !_designations.TryGetValue(id, out designation))
                    {
                        return false;
                    }
                }
                else if (name.SequenceEqual("facts") && !hasFacts)
                {
                    if (!ReadFacts(json, ref pos, situation))
                    {
                        return false;
                    }

                    hasFacts = true;
                }
                else
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
        if (pos != json.Length || !hasDate || designation is null || Library.DefaultFamily is not { } family)
        {
            return false;
        }

        version = Library.VersionInForce(family, date);
        return true;
    }

    private bool ReadFacts(ReadOnlySpan<char> json, ref int pos, Situation situation)
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
            if (!ReadString(json, ref pos, out var name) || !Expect(json, ref pos, ':') || !TryGetFact(name, out var fact))
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
            else if (!ReadValue(json, ref pos, fact, c, situation))
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

    private static bool ReadValue(ReadOnlySpan<char> json, ref int pos, FactSymbol fact, char first, Situation situation)
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
            case FactKind.Enum when first == '"' && ReadString(json, ref pos, out var text):
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
    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date)
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

    private static bool ReadString(ReadOnlySpan<char> json, ref int pos, out ReadOnlySpan<char> value)
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

            if (c == '\\' || c < ' ')
            {
                return false;
            }

            pos++;
        }

        return false;
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
