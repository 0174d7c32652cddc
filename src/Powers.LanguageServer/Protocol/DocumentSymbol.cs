namespace Powers.LanguageServer.Protocol;

/// <summary>LSP DocumentSymbol; Kind uses the LSP SymbolKind numbers.</summary>
internal sealed record DocumentSymbol(string Name, string? Detail, int Kind, LspRange Range, LspRange SelectionRange, IReadOnlyList<DocumentSymbol>? Children = null);
