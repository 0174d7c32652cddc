namespace Powers.LanguageServer;

/// <summary>Settings of the language server.</summary>
internal sealed class LanguageServerOptions
{
    /// <summary>
    /// How long the server waits after an edit before compiling, so a burst of keystrokes compiles once (default
    /// 15 ms). Edits that arrive while a compilation runs are gathered into the next one.
    /// </summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMilliseconds(15);

    /// <summary>Where the server writes what went wrong inside it (never standard output, which is the protocol).</summary>
    public TextWriter Log { get; set; } = TextWriter.Null;
}
