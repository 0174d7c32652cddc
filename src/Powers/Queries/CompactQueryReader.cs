using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Queries;

/// <summary>
/// Reads a query document straight from text into a reused <see cref="Situation"/>, with no tree: the fast path for
/// NDJSON streams and the hosted service. It reads every valid shape of the contract: a stored or ad-hoc designation
/// (with <c>made</c>), <c>ruleset</c>, <c>power</c>, <c>$schema</c>, escapes in strings of any length, a byte order
/// mark, properties in any order. Every name and value is looked up and checked by the library's
/// <see cref="QueryResolver"/>, through lookups that allocate nothing. It declines (returns false) what is not a
/// valid query, so that the caller reads it with <see cref="QueryReader"/> for the resolver's message.
/// An ad-hoc designation with <c>restrictions</c> (or in a library of more than 64 powers) is resolved by the document
/// reader the first time its text is seen and kept by that text. Thread-safe; only the situation passed in is written.
/// </summary>
internal sealed class CompactQueryReader
{
    private const int StackScratch = 256;
    private const int MaxKeptScratch = 1 << 14;

    // The end of a string's plain run: its closing quote, an escape, or a control character (an error).
    private static readonly System.Buffers.SearchValues<char> StringStops = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    // Scratch for documents longer than the stack's: kept per thread, since renting from the shared pool and
    // returning cost more than reading a short document (the read is not re-entered on a thread).
    [ThreadStatic]
    private static char[]? t_scratch;
    private const int MaxWholeAdHoc = 256;
    private readonly QueryResolver _resolver;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Designation> _wholeAdHoc = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Designation>.AlternateLookup<ReadOnlySpan<char>> _wholeAdHocLookup;

    // Each fact's name as a compact document writes it, with its colon (`"inUniform":`), by the fact's index: see
    // ReadFacts. Null for a name that would be read otherwise (one with a quote, a backslash or a control character).
    private readonly string?[] _factNames;
    private readonly FactSymbol[] _facts;

    // Each enum fact's values quoted (`"vehicle"`), by the fact's index and the value's: see ReadEnumValue. Null for a
    // value that would be read otherwise (one with a quote, a backslash or a control character).
    private readonly string?[][] _enumTexts;

    /// <summary>Creates a reader for a library.</summary>
    public CompactQueryReader(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        _resolver = QueryResolver.For(library);
        _wholeAdHocLookup = _wholeAdHoc.GetAlternateLookup<ReadOnlySpan<char>>();
        var facts = library.Schema.Facts;
        _factNames = new string?[facts.Count];
        _facts = new FactSymbol[facts.Count];
        _enumTexts = new string?[facts.Count][];
        foreach (var fact in facts)
        {
            _facts[fact.Index] = fact;
            _enumTexts[fact.Index] = [.. fact.Values.Select(v => v.AsSpan().IndexOfAny(StringStops) < 0 ? "\"" + v + "\"" : null)];
            _factNames[fact.Index] = fact.Name.AsSpan().IndexOfAny(StringStops) < 0 ? "\"" + fact.Name + "\":" : null;
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
        // A string unescaped is never longer than the document, so scratch the document's length never runs out.
        if (json.Length <= StackScratch)
        {
            Span<char> scratch = stackalloc char[StackScratch];
            return TryRead(json, scratch, situation, out date, out designation, out version);
        }

        if (json.Length <= MaxKeptScratch)
        {
            var kept = t_scratch;
            if (kept is null || kept.Length < json.Length)
            {
                kept = t_scratch = new char[Math.Max(json.Length, 1024)];
            }

            return TryRead(json, kept, situation, out date, out designation, out version);
        }

        char[] rented = System.Buffers.ArrayPool<char>.Shared.Rent(json.Length);
        try
        {
            return TryRead(json, rented, situation, out date, out designation, out version);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    private bool TryRead(ReadOnlySpan<char> json, Span<char> scratch, Situation situation, out DateOnly? date, out Designation? designation, out RuleSetVersion? version)
    {
        situation.Clear();
        date = null;
        designation = null;
        version = null;
        // A byte order mark is ignored, as the document reader ignores it (RFC 8259, section 8.1).
        int pos = json.Length > 0 && json[0] == '\uFEFF' ? 1 : 0;
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
                    8 => ReadString(json, ref pos, scratch, out var ruleset) && _resolver.TryGetRuleset(ruleset, out family, out named),
                    16 => ReadString(json, ref pos, scratch, out var power) && _resolver.TryGetPower(power, out _),
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
        return pos == json.Length && designation is not null && _resolver.TrySelectVersion(family, named, date, out version);
    }

    /// <summary>Reads a query given as UTF-8 bytes, as <see cref="TryRead(ReadOnlySpan{char}, Situation, out DateOnly?, out Designation?, out RuleSetVersion?)"/>.</summary>
    public bool TryRead(ReadOnlySpan<byte> utf8, Situation situation, out DateOnly? date, out Designation? designation, out RuleSetVersion? version)
    {
        const int StackChars = 1024;
        if (utf8.Length <= StackChars)
        {
            // UTF-8 never decodes to more UTF-16 units than it has bytes; sized to the document, less to zero.
            Span<char> chars = stackalloc char[utf8.Length];
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

    private bool ReadDesignation(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, out Designation? designation)
    {
        designation = null;
        SkipSpace(json, ref pos);
        if (pos < json.Length && json[pos] == '"')
        {
            return ReadString(json, ref pos, scratch, out var id) && _resolver.TryGetDesignation(id, out designation!);
        }

        int start = pos;
        if (!_resolver.PowersFitMask)
        {
            return ReadWholeAdHoc(json, ref pos, out designation);
        }

        if (!Expect(json, ref pos, '{'))
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

            int property = name switch { "force" => 1, "powers" => 2, "made" => 4, "restrictions" => 8, _ => 0 };
            if (property == 8)
            {
                pos = start;
                return ReadWholeAdHoc(json, ref pos, out designation);
            }

            if (property == 0 || (seen & property) != 0)
            {
                return false;
            }

            seen |= property;
            bool read = property switch
            {
                1 => ReadString(json, ref pos, scratch, out var id) && _resolver.TryGetForce(id, out force!),
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

            designation = _resolver.AdHoc(force!, powers, made);
            return true;
        }
    }

    // An ad-hoc designation the mask cannot key (restrictions, or more than 64 powers): resolved once per distinct
    // text by the document reader and kept, so repeated queries allocate nothing and share one designation, and so
    // one plan. Text that is not a valid designation declines, and the document reader reports it in place.
    private bool ReadWholeAdHoc(ReadOnlySpan<char> json, ref int pos, out Designation? designation)
    {
        designation = null;
        int start = pos;
        if (!SkipObject(json, ref pos))
        {
            return false;
        }

        var text = json[start..pos];
        if (_wholeAdHocLookup.TryGetValue(text, out designation))
        {
            return true;
        }

        string owned = text.ToString();
        var bag = new Diagnostics.DiagnosticBag();
        if (Syntax.Json.JsonParser.Parse(new Text.SourceText("<designation>", owned), bag) is not Syntax.Json.JsonObject node || bag.Count > 0)
        {
            return false;
        }

        var errors = new List<QueryError>();
        designation = QueryReader.ReadAdHoc(_resolver, node, errors);
        if (designation is null || errors.Count > 0)
        {
            designation = null;
            return false;
        }

        if (_wholeAdHoc.Count >= MaxWholeAdHoc)
        {
            _wholeAdHoc.Clear();
        }

        designation = _wholeAdHoc.GetOrAdd(owned, designation);
        return true;
    }

    // The end of an object that starts at pos: strings and nesting followed, nothing else checked (the document
    // reader checks the text the first time it is seen). Iterative, so depth costs no stack.
    private static bool SkipObject(ReadOnlySpan<char> json, ref int pos)
    {
        int depth = 0;
        while (pos < json.Length)
        {
            char c = json[pos++];
            switch (c)
            {
                case '"':
                    while (pos < json.Length && json[pos] != '"')
                    {
                        pos += json[pos] == '\\' ? 2 : 1;
                    }

                    if (pos++ >= json.Length)
                    {
                        return false;
                    }

                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (--depth == 0)
                    {
                        return c == '}';
                    }

                    break;
            }
        }

        return false;
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
            if (!ReadString(json, ref pos, scratch, out var id) || !_resolver.TryGetPower(id, out int index))
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

        // Facts seen so far, in two words as the situation keeps them (a schema has up to 128 facts): a shift counts
        // modulo 64, so fact 64 must not be mistaken for fact 0 and declined as a duplicate.
        ulong seenLow = 0;
        ulong seenHigh = 0;
        int next = 0;
        while (true)
        {
            if (!ReadFactName(json, ref pos, scratch, next, out var fact))
            {
                return false;
            }

            // Stryker disable once Statement : without it the first facts are tried first for every name, and the others are looked up, the same facts
            next = fact.Index + 1;

            ref ulong seen = ref fact.Index < 64 ? ref seenLow : ref seenHigh;
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

    // A fact's name and its colon. Documents written by a program state their facts in one order, most often the
    // schema's (as the generated benchmark lines do), so the facts after the last one read are tried first, each as
    // one comparison of its compact text (`"name":`), which is what the string, the colon and the lookup would read;
    // anything else (another fact, space, an escape, an unknown name) is read and looked up as before.
    private bool ReadFactName(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, int next, out FactSymbol fact)
    {
        var rest = json[pos..];
        // Stryker disable once Arithmetic : fewer facts tried first (next - 3) only sends more names to the lookup below, which reads them the same
        int last = Math.Min(next + 3, _factNames.Length);
        for (int index = next; index < last; index++)
        {
            if (_factNames[index] is { } text && rest.StartsWith(text.AsSpan()))
            {
                pos += text.Length;
                fact = _facts[index];
                return true;
            }
        }

        fact = null!;
        return ReadString(json, ref pos, scratch, out var name) && Expect(json, ref pos, ':') && _resolver.TryGetFact(name, out fact);
    }

    private bool ReadValue(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, FactSymbol fact, char first, Situation situation)
    {
        switch (fact.Kind)
        {
            case FactKind.Bool when first == 't' && Literal(json, ref pos, "true"):
                situation.Store(fact.Index, 1);
                return true;
            case FactKind.Bool when first == 'f' && Literal(json, ref pos, "false"):
                situation.Store(fact.Index, 0);
                return true;
            case FactKind.Int when ReadWholeNumber(json, ref pos, out int value) && value >= fact.Min: // as QueryResolver.SetFact
                situation.Store(fact.Index, value);
                return true;
            case FactKind.Enum when first == '"' && ReadEnumValue(json, ref pos, scratch, fact, out int index):
                situation.Store(fact.Index, index);
                return true;
            default:
                return false;
        }
    }

    // An enum fact's value. Its values are tried first as their quoted text ("vehicle"), each one comparison, which is
    // what the string and the lookup would read; an escape or an unknown value is read and looked up as before.
    private bool ReadEnumValue(ReadOnlySpan<char> json, ref int pos, Span<char> scratch, FactSymbol fact, out int index)
    {
        var rest = json[pos..];
        var texts = _enumTexts[fact.Index];
        for (index = 0; index < texts.Length; index++)
        {
            if (texts[index] is { } text && rest.StartsWith(text.AsSpan()))
            {
                pos += text.Length;
                return true;
            }
        }

        return ReadString(json, ref pos, scratch, out var value) && _resolver.TryGetEnumValue(fact, value, out index);
    }

    private static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly? date)
    {
        bool parsed = QueryResolver.TryParseDate(text, out var day);
        date = parsed ? day : null;
        return parsed;
    }

    // A number token, then the resolver's rule for a whole number: a fraction, an exponent or a number past 32 bits
    // declines, and the document reader reports it.
    // One pass: a character that would carry the token on (a sign, a point, an exponent) declines as the token would.
    private static bool ReadWholeNumber(ReadOnlySpan<char> json, ref int pos, out int value)
    {
        value = 0;
        int i = pos;
        bool negative = i < json.Length && json[i] == '-';
        if (negative)
        {
            i++;
        }

        int first = i;
        long magnitude = 0;
        while (i < json.Length && (uint)(json[i] - '0') <= 9)
        {
            magnitude = magnitude * 10 + (json[i] - '0');
            if (magnitude > 1L + int.MaxValue)
            {
                return false;
            }

            i++;
        }

        int digits = i - first;
        if (digits == 0 || (digits > 1 && json[first] == '0') || (i < json.Length && json[i] is '-' or '+' or '.' or 'e' or 'E'))
        {
            return false;
        }

        long whole = negative ? -magnitude : magnitude;
        if (whole > int.MaxValue)
        {
            return false;
        }

        value = (int)whole;
        pos = i;
        return true;
    }

    private static bool Literal(ReadOnlySpan<char> json, ref int pos, string literal)
    {
        if (!json[pos..].StartsWith(literal.AsSpan()))
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

        int start = pos;
        int run = json[pos..].IndexOfAny(StringStops);
        if (run < 0)
        {
            return false;
        }

        pos += run;
        char c = json[pos];
        if (c == '"')
        {
            value = json[start..pos];
            pos++;
            return true;
        }

        if (c == '\\')
        {
            json[start..pos].CopyTo(scratch);
            return ReadEscaped(json, ref pos, scratch, run, out value);
        }

        return false; // a control character
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

    // Compact documents have no space between tokens: that case is inlined, and only space goes through the loop.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool Expect(ReadOnlySpan<char> json, ref int pos, char c)
    {
        if ((uint)pos < (uint)json.Length && json[pos] == c)
        {
            pos++;
            return true;
        }

        return ExpectAfterSpace(json, ref pos, c);
    }

    private static bool ExpectAfterSpace(ReadOnlySpan<char> json, ref int pos, char c)
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

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void SkipSpace(ReadOnlySpan<char> json, ref int pos)
    {
        if ((uint)pos < (uint)json.Length && json[pos] > ' ')
        {
            return;
        }

        SkipSpaces(json, ref pos);
    }

    private static void SkipSpaces(ReadOnlySpan<char> json, ref int pos)
    {
        while (pos < json.Length && json[pos] is ' ' or '\t' or '\r' or '\n')
        {
            pos++;
        }
    }
}
