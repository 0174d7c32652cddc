namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of workspace/didChangeWatchedFiles.</summary>
internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);
