namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/didOpen.</summary>
internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);
