using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.VisualStudio.Threading;
using Powers.LanguageServer.Features;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Text;
using StreamJsonRpc;

namespace Powers.LanguageServer.Server;

/// <summary>
/// The LSP methods. Messages are handled one at a time in arrival order (document changes must apply in order);
/// compiling happens on a background loop (<see cref="CompileLoop"/>) that gathers edits, so a handler never waits
/// for the compiler. A handler that fails logs and answers null: the server keeps serving.
/// </summary>
internal sealed partial class PowersLanguageServer : IDisposable
{
    private readonly JsonRpc _rpc;
    private readonly LanguageServerOptions _options;
    private readonly ConcurrentDictionary<string, OpenDocument> _documents = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _rootOf = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LibraryWorkspace> _workspaces = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LibrarySnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _published = new(StringComparer.Ordinal);
    private readonly SchemaCatalog _schemas = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CompileLoop _loop;
    private string? _workspaceRoot;

    public PowersLanguageServer(JsonRpc rpc, LanguageServerOptions options)
    {
        _rpc = rpc;
        _options = options;
        _rpc.SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false);
        _loop = new CompileLoop(options.QuietPeriod, CompileAsync, options.Log);
    }

    public Task Exited => _exited.Task;

    public bool ShutdownRequested { get; private set; }

    [JsonRpcMethod("initialize")]
    public InitializeResult Initialize(InitializeParams? p)
    {
        string? root = PathOf((p?.WorkspaceFolders is { Count: > 0 } folders ? folders[0].Uri : null) ?? p?.RootUri);
        if (root is null && p?.RootPath is { Length: > 0 } rootPath)
        {
            root = Path.GetFullPath(rootPath);
        }

        _workspaceRoot = _options.ConfineTo ?? root;
        var capabilities = new ServerCapabilities(
            "utf-16",
            new TextDocumentSyncOptions(true, 2, new SaveOptions(false)),
            HoverProvider: true,
            new CompletionOptions(["'", "\"", " ", "@"]),
            DefinitionProvider: true,
            ReferencesProvider: true,
            CodeActionProvider: true,
            DocumentSymbolProvider: true,
            new CodeLensOptions(false),
            new RenameOptions(PrepareProvider: true),
            new SemanticTokensOptions(SemanticTokensProvider.Legend, Full: true),
            DocumentFormattingProvider: true);
        return new InitializeResult(capabilities, new ServerInfo("powers", typeof(PowersLanguageServer).Assembly.GetName().Version?.ToString()));
    }

    [JsonRpcMethod("initialized")]
#pragma warning disable CA1822 // An instance method, like every LSP method StreamJsonRpc dispatches to on this target.
    public void Initialized(JsonElement? p = null) => _ = p;
#pragma warning restore CA1822

    [JsonRpcMethod("shutdown")]
    public object? Shutdown(JsonElement? p = null)
    {
        ShutdownRequested = true;
        return null;
    }

    [JsonRpcMethod("exit")]
    public void Exit(JsonElement? p = null) => _exited.TrySetResult();

    [JsonRpcMethod("textDocument/didOpen")]
    public void DidOpen(DidOpenTextDocumentParams p) => Guard("didOpen", () =>
    {
        var item = p.TextDocument;
        if (PathOf(item.Uri) is not { } path)
        {
            return;
        }

        _documents[path] = new OpenDocument(item.Uri, path, item.Version, new SourceText(path, item.Text ?? string.Empty));
        Touch(path);
    });

    [JsonRpcMethod("textDocument/didChange")]
    public void DidChange(DidChangeTextDocumentParams p) => Guard("didChange", () =>
    {
        if (PathOf(p.TextDocument.Uri) is not { } path || !_documents.TryGetValue(path, out var doc))
        {
            return;
        }

        _documents[path] = doc with { Version = p.TextDocument.Version, Text = TextChanges.Apply(doc.Text, p.ContentChanges) };
        Touch(path);
    });

    [JsonRpcMethod("textDocument/didClose")]
    public void DidClose(DidCloseTextDocumentParams p) => Guard("didClose", () =>
    {
        if (PathOf(p.TextDocument.Uri) is { } path && _documents.TryRemove(path, out _))
        {
            Touch(path);
        }
    });

    [JsonRpcMethod("textDocument/didSave")]
    public void DidSave(DidSaveTextDocumentParams p) => Guard("didSave", () =>
    {
        if (PathOf(p.TextDocument.Uri) is { } path)
        {
            Touch(path);
        }
    });

    [JsonRpcMethod("workspace/didChangeWatchedFiles")]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams p) => Guard("didChangeWatchedFiles", () =>
    {
        foreach (var change in p.Changes ?? [])
        {
            if (PathOf(change.Uri) is { } path)
            {
                Touch(path);
            }
        }
    });

    [JsonRpcMethod("textDocument/hover")]
    public Hover? Hover(TextDocumentPositionParams p) =>
        Guard("hover", () => Context(p.TextDocument) is { } c ? HoverProvider.Hover(c, TextPositions.ToOffset(c.Source, p.Position), _schemas) : null);

    [JsonRpcMethod("textDocument/completion")]
    public CompletionList? Completion(TextDocumentPositionParams p) =>
        Guard("completion", () => Context(p.TextDocument) is { } c ? CompletionProvider.Complete(c, TextPositions.ToOffset(c.Source, p.Position), _schemas) : null);

    [JsonRpcMethod("textDocument/definition")]
    public IReadOnlyList<LspLocation>? Definition(TextDocumentPositionParams p) =>
        Guard("definition", () => Context(p.TextDocument) is { } c ? DefinitionProvider.Definition(c, TextPositions.ToOffset(c.Source, p.Position)) : null);

    [JsonRpcMethod("textDocument/references")]
    public IReadOnlyList<LspLocation>? References(ReferenceParams p) =>
        Guard("references", () => Context(p.TextDocument) is { } c
            ? DefinitionProvider.References(c, TextPositions.ToOffset(c.Source, p.Position), p.Context?.IncludeDeclaration ?? true)
            : null);

    [JsonRpcMethod("textDocument/codeAction")]
    public IReadOnlyList<CodeAction>? CodeAction(CodeActionParams p) =>
        Guard("codeAction", () => Context(p.TextDocument) is { } c ? CodeActionProvider.Actions(c, p.Context?.Diagnostics ?? []) : null);

    [JsonRpcMethod("textDocument/prepareRename")]
    public PrepareRenameResult? PrepareRename(TextDocumentPositionParams p) =>
        Refusable("prepareRename", () => Context(p.TextDocument, fresh: true) is { } c ? RenameProvider.Prepare(c, TextPositions.ToOffset(c.Source, p.Position)) : null);

    [JsonRpcMethod("textDocument/rename")]
    public WorkspaceEdit? Rename(RenameParams p) =>
        Refusable("rename", () => Context(p.TextDocument, fresh: true) is { } c
            ? RenameProvider.Rename(c, TextPositions.ToOffset(c.Source, p.Position), p.NewName, Schemas(c.Snapshot?.Root))
            : null);

    [JsonRpcMethod("textDocument/semanticTokens/full")]
    public SemanticTokens? SemanticTokens(SemanticTokensParams p) =>
        Guard("semanticTokens", () => Context(p.TextDocument) is { } c ? SemanticTokensProvider.Tokens(c) : null);

    [JsonRpcMethod("textDocument/formatting")]
    public IReadOnlyList<TextEdit>? Formatting(DocumentFormattingParams p) =>
        Guard("formatting", () => Context(p.TextDocument) is { } c ? FormattingProvider.Format(c) : null);

    [JsonRpcMethod("textDocument/documentSymbol")]
    public IReadOnlyList<DocumentSymbol>? DocumentSymbol(DocumentSymbolParams p) =>
        Guard("documentSymbol", () => Context(p.TextDocument) is { } c ? SymbolProvider.Symbols(c) : null);

    [JsonRpcMethod("textDocument/codeLens")]
    public IReadOnlyList<CodeLens>? CodeLens(CodeLensParams p) =>
        Guard("codeLens", () => Context(p.TextDocument) is { } c ? CodeLensProvider.Lenses(c) : null);

    public void Dispose() => _loop.Dispose();

    /// <summary>The full path of a document URI; null when the server is confined and the path leaves its folder.</summary>
    private string? PathOf(string? uri)
    {
        string? path = DocumentUri.ToPath(uri);
        return path is null || _options.ConfineTo is not { } root || ConfinedPath.IsInside(path, root) ? path : null;
    }
}
