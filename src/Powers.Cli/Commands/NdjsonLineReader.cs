namespace Powers.Cli.Commands;

/// <summary>
/// Splits a text stream into lines without allocating a string per line: a line is a span of a reused buffer,
/// valid until the next call. Lines end at <c>\n</c> (a <c>\r</c> before it is dropped). The buffer grows only to
/// the longest line, so memory does not depend on the number of lines.
/// </summary>
internal sealed class NdjsonLineReader(TextReader reader, IReadOnlyList<string>? firstLines)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private int _nextFirst;
    private bool _eof;

    /// <summary>The next line, or false at the end of the input.</summary>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        if (firstLines is not null && _nextFirst < firstLines.Count)
        {
            line = firstLines[_nextFirst++];
            return true;
        }

        int searched = 0;
        while (true)
        {
            int found = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf('\n');
            if (found >= 0)
            {
                int end = _start + searched + found;
                line = Trim(_buffer.AsSpan(_start, end - _start));
                _start = end + 1;
                return true;
            }

            searched = _end - _start;
            if (_eof)
            {
                if (_start < _end)
                {
                    line = Trim(_buffer.AsSpan(_start, _end - _start));
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> line) => line.Length > 0 && line[^1] == '\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = reader.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }
}
