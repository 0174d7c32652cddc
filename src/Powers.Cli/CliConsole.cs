namespace Powers.Cli;

/// <summary>The streams a command reads and writes, so tests can run commands in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="In">Standard input.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal (progress is shown only then).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, bool ErrorIsTerminal)
{
    /// <summary>The process's standard output as a stream, for bulk output through a buffer of its own; null in tests.</summary>
    public Stream? OutStream { get; init; }

    /// <summary>
    /// The process's own console. On Unix, System.Console sets the terminal up the first time its reader or writers
    /// are used, writing the keypad-transmit codes (ESC[?1h ESC=) to standard output even when that is a file or a
    /// pipe; the tool writes no colour or cursor codes, so on Unix it reads and writes the descriptors themselves
    /// (<see cref="Terminal.DescriptorStream"/>) and never asks System.Console to set the terminal up.
    /// </summary>
    public static CliConsole System()
    {
        var output = Open(1, FileAccess.Write, Console.OpenStandardOutput);
        var encoding = new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var stdout = new StreamWriter(output, encoding, 4096, leaveOpen: true) { AutoFlush = true };
        var stderr = new StreamWriter(Open(2, FileAccess.Write, Console.OpenStandardError), encoding, 1024, leaveOpen: true) { AutoFlush = true };
        var stdin = new Terminal.LazyReader(() => new StreamReader(Open(0, FileAccess.Read, Console.OpenStandardInput), encoding, detectEncodingFromByteOrderMarks: true));
        return new CliConsole(stdout, stderr, stdin, !Console.IsErrorRedirected) { OutStream = output };
    }

    private static Stream Open(int descriptor, FileAccess access, Func<Stream> elsewhere) =>
        OperatingSystem.IsWindows()
            ? elsewhere()
            : new Terminal.DescriptorStream(descriptor, access);
}
