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

    /// <summary>
    /// A rule library folder the server is confined to (full path), or null for none. When set, as it is for the
    /// workbench's browser client, the client's workspace root is ignored and any document outside this folder, or
    /// reached through a symbolic link, is treated as absent: a page cannot make the server read another file.
    /// </summary>
    public string? ConfineTo { get; set; }
}
