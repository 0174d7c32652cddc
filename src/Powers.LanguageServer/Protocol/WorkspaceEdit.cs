namespace Powers.LanguageServer.Protocol;

/// <summary>LSP WorkspaceEdit: edits by document URI.</summary>
internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);
