namespace Powers.Cli.Terminal;

/// <summary>A reader opened on first use: standard input is touched only by a command that reads it.</summary>
internal sealed class LazyReader(Func<TextReader> open) : TextReader
{
    private TextReader? _reader;

    private TextReader Reader => _reader ??= open();

    public override int Peek() => Reader.Peek();

    public override int Read() => Reader.Read();

    public override int Read(char[] buffer, int index, int count) => Reader.Read(buffer, index, count);

    public override int Read(Span<char> buffer) => Reader.Read(buffer);

    public override string? ReadLine() => Reader.ReadLine();

    public override string ReadToEnd() => Reader.ReadToEnd();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader?.Dispose();
        }

        base.Dispose(disposing);
    }
}
