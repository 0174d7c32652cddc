using System.Buffers;
using System.Text;
using System.Text.Json;
using Powers.Text;

namespace Powers.Tests.Text;

/// <summary>
/// The JSON escaping of every document Powers writes, pinned to the bytes it printed before its writers moved from Newtonsoft.Json to
/// <see cref="Utf8JsonWriter"/> (issue 23 item 5). The expected strings were written by Newtonsoft.Json 13.0.4's
/// <c>JsonTextWriter</c> (default escaping, and <c>StringEscapeHandling.EscapeNonAscii</c> for replay's documents)
/// and copied here as text; UTF-8 output turns a lone surrogate into U+FFFD.
/// </summary>
public sealed class JsonOutputEncoderTests
{
    // ' < > & + (System.Text.Json's default escapes them), JSON's own escapes, control characters (hex case), DEL and
    // U+0080, the three JavaScript line separators, letters outside ASCII, a pair outside the BMP, lone surrogates.
    private const string Hard = "'<>&+/\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u0085\u00e9\u2028\u2029\u20ac\ud83d\ude00|\ud800x\udc00";

    [Fact]
    public void Minimal_EveryCharacterTheEncodersDifferOn_TodaysBytes()
    {
        Assert.Equal(
            "\"'<>&+/\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u0001\\u001f\u007f\u0080\\u0085\u00e9\\u2028\\u2029\u20ac\ud83d\ude00|\ufffdx\ufffd\"",
            Write(JsonOutputEncoder.Minimal, Hard));
    }

    [Fact]
    public void Ascii_EveryCharacterTheEncodersDifferOn_TodaysBytes()
    {
        Assert.Equal(
            "\"'<>&+/\\\"\\\\\\b\\t\\n\\f\\r\\u0000\\u0001\\u001f\u007f\\u0080\\u0085\\u00e9\\u2028\\u2029\\u20ac\\ud83d\\ude00|\\ud800x\\udc00\"",
            Write(JsonOutputEncoder.Ascii, Hard));
    }

    [Fact]
    public void Minimal_PropertyName_EscapedAsAValue()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonOutputEncoder.Minimal }))
        {
            w.WriteStartObject();
            w.WriteNumber("a'<\n\u00e9", 1);
            w.WriteEndObject();
        }

        Assert.Equal("{\"a'<\\n\u00e9\":1}", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Minimal_EveryOtherCharacterOfTheBasicPlane_AsItIs()
    {
        // Newtonsoft's default escapes only the characters below U+0020, '"', '\' and U+0085, U+2028, U+2029.
        var escaped = new HashSet<int> { '"', '\\', 0x85, 0x2028, 0x2029 };
        for (int c = 0x20; c <= 0xFFFF; c++)
        {
            if (escaped.Contains(c) || char.IsSurrogate((char)c))
            {
                continue;
            }

            string text = ((char)c).ToString();
            Assert.Equal("\"" + text + "\"", Write(JsonOutputEncoder.Minimal, text));
        }
    }

    [Fact]
    public void Minimal_LongTextWithEscapesNearTheEnd_WrittenWhole()
    {
        // Long enough that the writer escapes in more than one piece of its buffer.
        string text = new string('a', 70_000) + "\u0001" + "\ud83d\ude00";

        Assert.Equal("\"" + new string('a', 70_000) + "\\u0001\ud83d\ude00\"", Write(JsonOutputEncoder.Minimal, text));
    }

    private static string Write(JsonOutputEncoder encoder, string value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            w.WriteStringValue(value);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
