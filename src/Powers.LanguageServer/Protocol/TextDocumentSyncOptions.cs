namespace Powers.LanguageServer.Protocol;

/// <summary>LSP TextDocumentSyncOptions; Change 2 is incremental.</summary>
internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);
