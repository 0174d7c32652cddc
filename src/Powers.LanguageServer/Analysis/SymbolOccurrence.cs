using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Analysis;

/// <summary>
/// One place a name is written: its kind, the name, the scope that qualifies it (the fact of an enum value, the
/// family of a version, the JSON path of a property), its span, whether it is the definition, and the JSON node it
/// names or introduces (a fact's object, a rule set's power object, a clause object).
/// </summary>
internal sealed record SymbolOccurrence(SymbolKind Kind, string Name, string? Scope, TextSpan Span, bool IsDefinition, JsonNode? Node)
{
    public bool SameSymbol(SymbolOccurrence other) =>
        Kind == other.Kind && Name == other.Name && (Kind is not (SymbolKind.EnumValue or SymbolKind.Version) || Scope == other.Scope);
}
