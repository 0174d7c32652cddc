namespace Powers.LanguageServer.Protocol;

/// <summary>What the server offers (LSP 3.17 ServerCapabilities, the parts used here).</summary>
internal sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    CompletionOptions CompletionProvider,
    bool DefinitionProvider,
    bool ReferencesProvider,
    bool CodeActionProvider,
    bool DocumentSymbolProvider,
    CodeLensOptions CodeLensProvider,
    RenameOptions? RenameProvider = null,
    SemanticTokensOptions? SemanticTokensProvider = null,
    bool? DocumentFormattingProvider = null);
