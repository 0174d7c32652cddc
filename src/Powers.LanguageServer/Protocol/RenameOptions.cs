namespace Powers.LanguageServer.Protocol;

/// <summary>LSP RenameOptions: the server answers prepareRename.</summary>
internal sealed record RenameOptions(bool PrepareProvider);
