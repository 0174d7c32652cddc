using System.Text;
using Powers.Cli.Output;

namespace Powers.Cli.Tests.Output;

/// <summary>The NDJSON output writer writes the bytes a <see cref="StreamWriter"/> in UTF-8 (no byte order mark) writes.</summary>
public class Utf8StreamWriterTests
{
    [Fact]
    public void Write_TextPastTheBufferWithSplitSurrogatePairs_BytesOfAStreamWriter()
    {
        // Over 64 K of text with two- and three-byte characters, and a pair (U+1F600) split across two writes.
        string text = string.Concat(Enumerable.Repeat("é€a\"\\\n", 20_000));
        using var expected = new MemoryStream();
        using var actual = new MemoryStream();
        using (var reference = new StreamWriter(expected, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        using (var writer = new Utf8StreamWriter(actual))
        {
            foreach (var w in new TextWriter[] { reference, writer })
            {
                w.Write(text);
                w.Write('\uD83D');
                w.Write('\uDE00');
                w.Write(text.ToCharArray(), 3, 100);
                w.Write('x');
            }
        }

        Assert.Equal(expected.ToArray(), actual.ToArray());
    }

    [Fact]
    public void WriteUtf8_BytesPastTheBufferBetweenText_WrittenInOrder()
    {
        byte[] line = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"é\":\"€\"}", 10_000)) + "\n");
        using var actual = new MemoryStream();
        using (var writer = new Utf8StreamWriter(actual))
        {
            writer.Write("a");
            writer.WriteUtf8(line);
            writer.Write('b');
            Utf8StreamWriter.Write(writer, line);
        }

        Assert.Equal([(byte)'a', .. line, (byte)'b', .. line], actual.ToArray());
    }

    [Fact]
    public void Write_Utf8ToAnotherWriter_DecodedToTheSameText()
    {
        string text = "{\"é\":\"€ \uD83D\uDE00\"}\n";
        var output = new StringWriter();
        Utf8StreamWriter.Write(output, Encoding.UTF8.GetBytes(text));
        Assert.Equal(text, output.ToString());
    }
}
