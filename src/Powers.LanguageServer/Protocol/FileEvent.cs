namespace Powers.LanguageServer.Protocol;

/// <summary>One file change seen by the client's watcher (type 1 created, 2 changed, 3 deleted).</summary>
internal sealed record FileEvent(string Uri, int Type);
