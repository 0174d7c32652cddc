namespace Powers.LanguageServer.Protocol;

/// <summary>The result of textDocument/prepareRename: the name's range (inside its quotes) and its current text.</summary>
internal sealed record PrepareRenameResult(LspRange Range, string Placeholder);
