using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class FormattingTests
{
    private const string Messy = "{\"designation\":\"met-tiny\",  \"force\" : \"met\",\r\n\"powers\":[\"road-check\",\"cordon\"],\"include\":[]}";

    private const string Canonical = "{\n  \"designation\": \"met-tiny\",\n  \"force\": \"met\",\n  \"powers\": [\n    \"road-check\",\n    \"cordon\"\n  ],\n  \"include\": []\n}\n";

    [Fact]
    public async Task Formatting_MessyDocument_OneEditToTheCanonicalLayout()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf("designations/met-tiny.json");
        await client.OpenAsync(uri, Messy);

        var edits = await client.RequestAsync<TextEdit[]>("textDocument/formatting", Params(uri));

        var edit = Assert.Single(edits);
        Assert.Equal(Canonical, edit.NewText);
        Assert.Equal(new LspRange(new LspPosition(0, 0), new LspPosition(1, 46)), edit.Range);
    }

    [Fact]
    public async Task Formatting_CanonicalDocument_NoEdit()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf("designations/met-tiny.json");
        await client.OpenAsync(uri, Canonical);

        Assert.Empty(await client.RequestAsync<TextEdit[]>("textDocument/formatting", Params(uri)));
    }

    [Fact]
    public async Task Formatting_DocumentThatDoesNotParse_LeftAlone()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf("designations/met-tiny.json");
        await client.OpenAsync(uri, Messy[..^1]);

        Assert.Empty(await client.RequestAsync<TextEdit[]>("textDocument/formatting", Params(uri)));
    }

    [Fact]
    public async Task Initialize_Capabilities_DeclareFormatting()
    {
        using var library = new TestLibrary();
        await using var raw = await RawLspConnection.StartAsync(library.Root);

        Assert.True(raw.Capabilities.GetProperty("documentFormattingProvider").GetBoolean());
    }

    private static object Params(string uri) => new { textDocument = new TextDocumentIdentifier(uri), options = new { tabSize = 4, insertSpaces = false } };
}
