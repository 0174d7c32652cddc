using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

/// <summary>Opens one marked-up document of a fresh library copy and waits for its first diagnostics.</summary>
internal static class Session
{
    public static async Task<(TestLibrary Library, LspTestClient Client, Markup Markup, string Uri)> OpenAsync(string relative, Func<string, string> mark)
    {
        var library = new TestLibrary();
        var markup = Markup.Parse(mark(library.Read(relative)));
        var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, markup.Text);
        await client.DiagnosticsAsync(uri, 1);
        return (library, client, markup, uri);
    }

    public static TextDocumentPositionParams At(string uri, Markup markup) => new(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup));

    public static string Mark(this string text, string find, string replace)
    {
        Assert.Contains(find, text, StringComparison.Ordinal);
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
