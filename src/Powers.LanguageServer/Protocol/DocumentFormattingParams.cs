using System.Text.Json;

namespace Powers.LanguageServer.Protocol;

/// <summary>Parameters of textDocument/formatting; the client's options are read and ignored: the layout is canonical.</summary>
internal sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, JsonElement? Options = null);
