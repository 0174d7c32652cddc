using System.Text;

namespace Powers.Cli.Output;

/// <summary>
/// A text writer onto a stream in UTF-8 (no byte order mark) through a 64 K buffer of bytes, that also takes text
/// already encoded (<see cref="WriteUtf8"/>): an NDJSON answer line is made as UTF-8 bytes, and copying those into the
/// buffer costs a fraction of widening them to UTF-16 and encoding them back, as a <see cref="StreamWriter"/> would.
/// Text written as characters is encoded as <see cref="StreamWriter"/> with <see cref="UTF8Encoding"/> encodes it,
/// so the bytes are the same either way. The stream is left open.
/// </summary>
internal sealed class Utf8StreamWriter(Stream stream) : TextWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [ThreadStatic]
    private static char[]? t_chars;

    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private int _count;

    public override Encoding Encoding => Utf8;

    /// <summary>
    /// Writes UTF-8 text: straight into the buffer of a <see cref="Utf8StreamWriter"/>, decoded to characters for any
    /// other writer (tests write to a <see cref="StringWriter"/>). The text is whole characters (whole lines).
    /// </summary>
    public static void Write(TextWriter output, ReadOnlySpan<byte> utf8)
    {
        if (output is Utf8StreamWriter own)
        {
            own.WriteUtf8(utf8);
            return;
        }

        var chars = t_chars;
        if (chars is null || chars.Length < utf8.Length)
        {
            // UTF-8 never decodes to more UTF-16 units than it has bytes.
            chars = t_chars = new char[Math.Max(utf8.Length, 4096)];
        }

        int count = Encoding.UTF8.GetChars(utf8, chars);
        output.Write(chars, 0, count);
    }

    /// <summary>Writes text already encoded as UTF-8 (whole characters).</summary>
    public void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        while (utf8.Length > _buffer.Length - _count)
        {
            int room = _buffer.Length - _count;
            utf8[..room].CopyTo(_buffer.AsSpan(_count));
            _count = _buffer.Length;
            utf8 = utf8[room..];
            FlushBuffer();
        }

        utf8.CopyTo(_buffer.AsSpan(_count));
        _count += utf8.Length;
    }

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(ReadOnlySpan<char> buffer) => Encode(buffer, flush: false);

    public override void Flush()
    {
        Encode([], flush: true);
        FlushBuffer();
        stream.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    // Through one encoder for the writer's life, as StreamWriter does, so a surrogate pair split across two writes
    // is still one character.
    private void Encode(ReadOnlySpan<char> chars, bool flush)
    {
        while (true)
        {
            if (_buffer.Length - _count < 4)
            {
                FlushBuffer();
            }

            _encoder.Convert(chars, _buffer.AsSpan(_count), flush, out int used, out int written, out bool completed);
            _count += written;
            chars = chars[used..];
            if (completed)
            {
                return;
            }

            FlushBuffer();
        }
    }

    private void FlushBuffer()
    {
        if (_count > 0)
        {
            stream.Write(_buffer, 0, _count);
            _count = 0;
        }
    }
}
