namespace Powers.LanguageServer.Protocol;

/// <summary>LSP ReferenceContext.</summary>
internal sealed record ReferenceContext(bool IncludeDeclaration);
