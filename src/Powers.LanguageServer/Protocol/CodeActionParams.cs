namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/codeAction.</summary>
internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext? Context);
