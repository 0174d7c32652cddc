namespace Powers.LanguageServer.Protocol;

/// <summary>The parts of initialize's parameters the server reads.</summary>
internal sealed record InitializeParams(string? RootUri = null, string? RootPath = null, IReadOnlyList<WorkspaceFolder>? WorkspaceFolders = null);
