using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

/// <summary>What an editor does to a server in real life: half files, absurd input, files vanishing, bursts of edits.</summary>
public sealed class HostileEditingTests
{
    private const string Relative = "pra2002/2012-07-10.json";

    [Fact]
    public async Task DidOpen_TruncatedFile_ReportsUnexpectedEndAndKeepsAnswering()
    {
        using var library = new TestLibrary();
        string text = library.Read(Relative);
        string truncated = text[..(text.Length / 2)];
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);

        await client.OpenAsync(uri, truncated);
        var published = await client.DiagnosticsAsync(uri, 1);

        Assert.Contains(published.Diagnostics, d => d.Code == "PWR0005");
        await AssertAnswersAsync(client, uri);
    }

    [Fact]
    public async Task DidChange_HundredThousandDeepExpression_ReportsTheLimitAndKeepsAnswering()
    {
        using var library = new TestLibrary();
        string deep = new string('(', 100_000) + "inUniform" + new string(')', 100_000);
        string text = library.Read(Relative).Mark("\"when\": \"inUniform\"", "\"when\": \"" + deep + "\"");
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, library.Read(Relative));
        await client.DiagnosticsAsync(uri, 1);

        await client.ChangeAsync(uri, 2, text);
        var published = await client.DiagnosticsAsync(uri, 2);

        var error = Assert.Single(published.Diagnostics, d => d.Severity == 1);
        Assert.Equal("PWR0104", error.Code);
        Assert.Equal("The expression has 200,009 characters; the limit is 4,096", error.Message);
        var inside = new LspPosition(error.Range.Start.Line, error.Range.Start.Character + 50_000);
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), inside));
        await client.RequestAsync<CompletionList>("textDocument/completion", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), inside));
        await AssertAnswersAsync(client, uri);
    }

    [Fact]
    public async Task DidChange_FileDeletedWhileOpen_StillCompiledFromTheEditor()
    {
        using var library = new TestLibrary();
        string text = library.Read(Relative);
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri, 1);

        File.Delete(library.PathOf(Relative));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(uri, 3)]));
        await client.ChangeAsync(uri, 2, text.Mark("\"when\": \"inUniform\"", "\"when\": \"inUnifrm\""));
        var published = await client.DiagnosticsAsync(uri, 2);

        Assert.Contains(published.Diagnostics, d => d.Code == "PWR0201" && d.Message == "Unknown fact 'inUnifrm'; did you mean 'inUniform'?");
        await AssertAnswersAsync(client, uri);
    }

    [Fact]
    public async Task DidChange_FactsJsonDeleted_ReportsMissingLibraryFileOnOpenDocuments()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, library.Read(Relative));
        await client.DiagnosticsAsync(uri, 1);

        File.Delete(library.PathOf("facts.json"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new DidChangeWatchedFilesParams([new FileEvent(library.UriOf("facts.json"), 3)]));
        var published = await client.DiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "PWR0014"));

        Assert.Contains(published.Diagnostics, d => d.Code == "PWR0014" && d.Message == "The rule library has no facts.json");
        await AssertAnswersAsync(client, uri);
    }

    [Fact]
    public async Task DidChange_EditStorm_LastVersionWinsAndServerAnswers()
    {
        using var library = new TestLibrary();
        string text = library.Read(Relative);
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri, 1);
        var markup = Markup.Parse(text.Mark("\"when\": \"inUniform\"", "\"when\": \"$$inUniform\""));
        var at = LspAssert.Cursor(markup);

        // 2,000 edits: type a character into the expression and take it out again, without waiting.
        int version = 1;
        for (int i = 0; i < 1000; i++)
        {
            await client.ChangeAsync(uri, ++version, new LspRange(at, at), "x");
            await client.ChangeAsync(uri, ++version, new LspRange(at, new LspPosition(at.Line, at.Character + 1)), string.Empty);
        }

        await client.ChangeAsync(uri, ++version, new LspRange(at, at), "z");
        var published = await client.DiagnosticsAsync(uri, version);

        Assert.Equal("Unknown fact 'zinUniform'; did you mean 'inUniform'?", Assert.Single(published.Diagnostics, d => d.Severity == 1).Message);
        await AssertAnswersAsync(client, uri);
    }

    [Fact]
    public async Task Requests_NonsensePositionsAndUnknownDocuments_AnsweredWithoutFailing()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, library.Read(Relative));
        await client.DiagnosticsAsync(uri, 1);

        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new LspPosition(-5, -1)));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(uri), new LspPosition(100_000, 100_000)));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier("file:///nowhere/at/all.json"), new LspPosition(0, 0)));
        await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier("not a uri"), new LspPosition(0, 0)));
        await client.ChangeAsync("file:///never/opened.json", 7, "{");

        await AssertAnswersAsync(client, uri);
        Assert.False(client.Server.IsCompleted);
    }

    [Fact]
    public async Task DidOpen_FifoNamedJsonInTheLibrary_ReportedNeverOpenedAndServerAnswers()
    {
        // Opening a FIFO blocks until a writer comes: a compile that opened it would hold every request.
        var diagnostic = await OpenBesideAsync("pra2002/pipe.json", Mkfifo);

        Assert.Equal("The file is a FIFO (named pipe), not a regular file; it is not read", diagnostic.Message);
    }

    [Fact]
    public async Task DidOpen_LinkToDevZeroInTheLibrary_ReportedNotReadAndServerAnswers()
    {
        // /dev/zero never ends: read whole, it would fill memory.
        var diagnostic = await OpenBesideAsync("pra2002/zero.json", path => File.CreateSymbolicLink(path, "/dev/zero"));

        Assert.Equal("PWR0018", diagnostic.Code);
    }

    [Fact]
    public async Task Hover_DevicesAndPipesAsDocumentUris_AnsweredWithoutReadingThem()
    {
        using var library = new TestLibrary();
        string fifo = Path.Combine(library.Root, "pipe.json");
        Mkfifo(fifo);
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, library.Read(Relative));
        await client.DiagnosticsAsync(uri, 1);

        foreach (string hostile in new[] { "file:///dev/zero", "file:///dev/urandom", new Uri(fifo).AbsoluteUri })
        {
            Assert.Null(await client.RequestAsync<Hover?>("textDocument/hover", new TextDocumentPositionParams(new TextDocumentIdentifier(hostile), new LspPosition(0, 0))));
        }

        await AssertAnswersAsync(client, uri);
    }

    /// <summary>
    /// A library with a file made by <paramref name="make"/> at <paramref name="relative"/>: opens a rule file, waits for
    /// the one diagnostic the made file gets, checks the server still answers, and gives the diagnostic.
    /// </summary>
    private static async Task<LspDiagnostic> OpenBesideAsync(string relative, Action<string> make)
    {
        using var library = new TestLibrary();
        make(library.PathOf(relative));
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(Relative);
        await client.OpenAsync(uri, library.Read(Relative));

        var published = await client.DiagnosticsAsync(library.UriOf(relative), p => p.Diagnostics.Count > 0);

        var diagnostic = Assert.Single(published.Diagnostics);
        await AssertAnswersAsync(client, uri);
        return diagnostic;
    }

    private static void Mkfifo(string path)
    {
        using var process = System.Diagnostics.Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static async Task AssertAnswersAsync(LspTestClient client, string uri)
    {
        var symbols = await client.RequestAsync<DocumentSymbol[]?>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));
        Assert.NotNull(symbols);
        Assert.False(client.Server.IsCompleted);
    }
}
