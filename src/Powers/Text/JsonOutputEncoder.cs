using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Powers.Text;

/// <summary>
/// The escaping every JSON document Powers writes has always had (Newtonsoft.Json's, before the writers moved to
/// <see cref="System.Text.Json.Utf8JsonWriter"/>), so that moving them changed no output byte: the decision documents'
/// strings (<c>DecisionJsonWriter.ToJson</c>) and every document the <c>powers</c> tool prints.
/// <see cref="Minimal"/> escapes only what JSON requires (<c>"</c>, <c>\</c>, U+0000-U+001F, as <c>\b \t \n \f \r</c>
/// where JSON has a short form) and the three line separators JavaScript does not allow in a string (U+0085, U+2028,
/// U+2029), in lowercase hex; <c>' &lt; &gt; &amp; +</c> and every other letter are written as they are, because the
/// output is read by programs and people, never embedded in HTML (System.Text.Json's default escapes those, and any
/// non-ASCII letter, in uppercase hex). A lone surrogate, which UTF-8 cannot hold, becomes U+FFFD, the byte sequence
/// the old writer's UTF-8 output gave it. <see cref="Ascii"/> also escapes every character above U+007F, each UTF-16
/// unit on its own (a lone surrogate too), for output that must not carry a record's bytes to a terminal.
/// </summary>
internal sealed class JsonOutputEncoder : JavaScriptEncoder
{
    private readonly bool _escapeNonAscii;

    private JsonOutputEncoder(bool escapeNonAscii) => _escapeNonAscii = escapeNonAscii;

    /// <summary>Escapes only what JSON and JavaScript require: decision documents, and <c>verify</c> and <c>diff</c>'s.</summary>
    public static JsonOutputEncoder Minimal { get; } = new(escapeNonAscii: false);

    /// <summary>Also escapes everything above U+007F: the documents of <c>replay</c>, which print what records hold.</summary>
    public static JsonOutputEncoder Ascii { get; } = new(escapeNonAscii: true);

    /// <inheritdoc/>
    public override int MaxOutputCharactersPerInputCharacter => 6;

    /// <inheritdoc/>
    public override bool WillEncode(int unicodeScalar) =>
        unicodeScalar < 0x20 || unicodeScalar == '"' || unicodeScalar == '\\'
        || unicodeScalar == 0x85 || unicodeScalar == 0x2028 || unicodeScalar == 0x2029
        || (_escapeNonAscii && unicodeScalar > 0x7F);

    /// <inheritdoc/>
    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength)
    {
        var span = new ReadOnlySpan<char>(text, textLength);
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (!char.IsSurrogate(c))
            {
                if (WillEncode(c))
                {
                    return i;
                }
            }
            else if (_escapeNonAscii || !char.IsHighSurrogate(c) || i + 1 == span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return i;
            }
            else
            {
                i++;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    public override OperationStatus Encode(ReadOnlySpan<char> source, Span<char> destination, out int charsConsumed, out int charsWritten, bool isFinalBlock = true)
    {
        int read = 0;
        int written = 0;
        var status = OperationStatus.Done;
        Span<char> escape = stackalloc char[6];
        while (read < source.Length)
        {
            char c = source[read];
            int length = 1;
            scoped ReadOnlySpan<char> output;
            if (char.IsSurrogate(c) && !_escapeNonAscii)
            {
                if (char.IsHighSurrogate(c) && read + 1 < source.Length && char.IsLowSurrogate(source[read + 1]))
                {
                    length = 2;
                    output = source.Slice(read, 2);
                }
                else if (char.IsHighSurrogate(c) && read + 1 == source.Length && !isFinalBlock)
                {
                    status = OperationStatus.NeedMoreData;
                    break;
                }
                else
                {
                    output = "\uFFFD";
                }
            }
            else if (WillEncode(c))
            {
                output = escape[..Escape(c, escape)];
            }
            else
            {
                output = source.Slice(read, 1);
            }

            if (!output.TryCopyTo(destination[written..]))
            {
                status = OperationStatus.DestinationTooSmall;
                break;
            }

            written += output.Length;
            read += length;
        }

        charsConsumed = read;
        charsWritten = written;
        return status;
    }

    /// <inheritdoc/>
    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        Span<char> units = stackalloc char[2];
        int count = new Rune(unicodeScalar).EncodeToUtf16(units);
        Span<char> escaped = stackalloc char[12];
        int length = 0;
        for (int i = 0; i < count; i++)
        {
            if (WillEncode(units[i]))
            {
                length += Escape(units[i], escaped[length..]);
            }
            else
            {
                escaped[length++] = units[i];
            }
        }

        if (!escaped[..length].TryCopyTo(destination))
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        numberOfCharactersWritten = length;
        return true;
    }

    // One UTF-16 unit escaped, into at least 6 characters; how many were written.
    private static int Escape(char c, Span<char> into)
    {
        char shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\b' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\f' => 'f',
            '\r' => 'r',
            _ => '\0',
        };
        into[0] = '\\';
        if (shortForm != '\0')
        {
            into[1] = shortForm;
            return 2;
        }

        into[1] = 'u';
        ((int)c).TryFormat(into[2..], out _, "x4", CultureInfo.InvariantCulture);
        return 6;
    }
}
