namespace Powers.Cli.Commands;

/// <summary>
/// Splits a text stream into lines without allocating a string per line: a line is a span of a reused buffer,
/// valid until the next call. Lines end at <c>\n</c> only (a <c>\r</c> before it is dropped; a lone <c>\r</c> stays
/// inside the line), as NDJSON says, and a byte order mark at the start of the input is dropped. The buffer grows
/// only to the longest line, so memory does not depend on the number of lines.
/// </summary>
internal sealed class NdjsonLineReader(TextReader reader)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private IReadOnlyList<string>? _unread;
    private int _nextUnread;
    private bool _started;
    private bool _eof;

    /// <summary>Lines read ahead (to tell a document from NDJSON), given back to be read again first.</summary>
    public void Unread(IReadOnlyList<string> lines)
    {
        _unread = lines;
        _nextUnread = 0;
    }

    /// <summary>The rest of the input after the lines read so far, as one string.</summary>
    public string ReadToEnd()
    {
        string rest = new string(_buffer, _start, _end - _start) + reader.ReadToEnd();
        _start = _end;
        _eof = true;
        return rest;
    }

    /// <summary>The next line, or false at the end of the input.</summary>
    public bool TryRead(out ReadOnlySpan<char> line)
    {
        if (_unread is not null && _nextUnread < _unread.Count)
        {
            line = _unread[_nextUnread++];
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

        if (!_started && read > 0)
        {
            // A byte order mark (standard input does not strip one; a file reader does) is not part of the first line.
            _started = true;
            if (_buffer[_end] == '\uFEFF')
            {
                _buffer.AsSpan(_end + 1, read - 1).CopyTo(_buffer.AsSpan(_end));
                read--;
            }
        }

        _end += read;
    }
}
