using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Powers.Decisions;

/// <summary>
/// A growable byte buffer a document is assembled in before it is handed to a writer whole. One per thread
/// (<see cref="ForThread"/>), reused: it keeps the largest size it grew to.
/// </summary>
internal sealed class ByteSink
{
    [ThreadStatic]
    private static ByteSink? t_sink;

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    /// <summary>This thread's sink, emptied.</summary>
    public static ByteSink ForThread()
    {
        var sink = t_sink ??= new ByteSink();
        sink._length = 0;
        return sink;
    }

    /// <summary>What has been written.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(ReadOnlySpan<byte> bytes)
    {
        if (_buffer.Length - _length < bytes.Length)
        {
            Grow(bytes.Length);
        }

        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Append(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = value;
    }

    /// <summary>A string as a JSON string value (quoted), escaped as a <see cref="Utf8JsonWriter"/> with this encoder escapes it.</summary>
    public void AppendString(string value, JavaScriptEncoder? encoder)
    {
        Append((byte)'"');
        Append(JsonEncodedText.Encode(value, encoder).EncodedUtf8Bytes);
        Append((byte)'"');
    }

    /// <summary>A whole number as JSON writes it.</summary>
    public void AppendNumber(long value)
    {
        if (_buffer.Length - _length < 20)
        {
            Grow(20);
        }

        value.TryFormat(_buffer.AsSpan(_length), out int written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>A date as <c>"YYYY-MM-DD"</c>, quoted (digits and dashes, which no encoder escapes).</summary>
    public void AppendDate(DateOnly date)
    {
        if (_buffer.Length - _length < 12)
        {
            Grow(12);
        }

        var span = _buffer.AsSpan(_length);
        span[0] = (byte)'"';
        date.TryFormat(span[1..], out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'"';
        _length += written + 2;
    }

    private void Grow(int needed)
    {
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + needed));
    }
}
