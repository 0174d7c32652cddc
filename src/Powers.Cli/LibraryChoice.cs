namespace Powers.Cli;

/// <summary>The rule library a command uses, and how the command names it on its first line.</summary>
/// <param name="Directory">The folder to compile, as the diagnostics show it; null for the embedded library.</param>
/// <param name="Name">What the first line says: the folder's path, or <c>embedded (sha256 ...)</c>.</param>
internal sealed record LibraryChoice(string? Directory, string Name)
{
    /// <summary>The line every command starts with (on standard error when its output is for a program).</summary>
    public string Line => "library: " + Text.ControlCharacters.Escape(Name);
}
