namespace Powers.LanguageServer.Protocol;

/// <summary>A position in a document (hover, definition, completion).</summary>
internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, LspPosition Position);
