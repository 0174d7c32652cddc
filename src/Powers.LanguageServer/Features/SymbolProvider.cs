using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Document symbols (the outline): a rule set's general clauses and powers with their clauses, a designation and its
/// restrictions, the facts, powers and forces of the catalogues, and the golden cases.
/// </summary>
internal static class SymbolProvider
{
    private const int Module = 2;
    private const int Class = 5;
    private const int Field = 8;
    private const int Enum = 10;
    private const int Function = 12;
    private const int Variable = 13;
    private const int Event = 24;

    public static IReadOnlyList<DocumentSymbol> Symbols(DocumentContext context)
    {
        if (context.File.Root is not JsonObject root)
        {
            return [];
        }

        var source = context.Source;
        var result = new List<DocumentSymbol>();
        foreach (var p in root.Properties)
        {
            switch (p.Name, p.Value)
            {
                case ("facts", JsonObject facts):
                    foreach (var f in facts.Properties)
                    {
                        result.Add(Symbol(source, f.Name, JsonNodes.String(f.Value, "type"), JsonNodes.String(f.Value, "type") == "enum" ? Enum : Variable, f.Value.Span, f.NameSpan));
                    }

                    break;
                case ("powers", JsonObject powers):
                    foreach (var power in powers.Properties)
                    {
                        result.Add(Symbol(source, power.Name, JsonNodes.String(power.Value, "title"), Function, power.Value.Span, power.NameSpan, Clauses(source, JsonNodes.Get(power.Value, "clauses"))));
                    }

                    break;
                case ("powers" or "forces", JsonArray catalogue):
                    foreach (var item in catalogue.Items)
                    {
                        if (JsonNodes.Get(item, "id") is JsonString id)
                        {
                            result.Add(Symbol(source, id.Value, JsonNodes.String(item, "title") ?? JsonNodes.String(item, "name"), p.Name == "powers" ? Function : Module, item.Span, id.Span));
                        }
                    }

                    break;
                case ("general", JsonArray general):
                    result.Add(Symbol(source, "general", "clauses for every power", Module, general.Span, p.NameSpan, Clauses(source, general)));
                    break;
                case ("restrictions", JsonArray restrictions):
                    result.Add(Symbol(source, "restrictions", null, Module, restrictions.Span, p.NameSpan, Clauses(source, restrictions)));
                    break;
                case ("designation", JsonString designation):
                    result.Add(Symbol(source, designation.Value, JsonNodes.String(root, "title"), Class, root.Span, designation.Span));
                    break;
                case ("cases", JsonArray cases):
                    foreach (var c in cases.Items)
                    {
                        if (JsonNodes.Get(c, "name") is JsonString name)
                        {
                            result.Add(Symbol(source, name.Value, JsonNodes.String(c, "cite"), Event, c.Span, name.Span));
                        }
                    }

                    break;
            }
        }

        return result;
    }

    private static List<DocumentSymbol>? Clauses(SourceText source, JsonNode? clauses)
    {
        if (clauses is not JsonArray array)
        {
            return null;
        }

        var result = new List<DocumentSymbol>();
        foreach (var clause in array.Items)
        {
            if (JsonNodes.Get(clause, "id") is JsonString id)
            {
                result.Add(Symbol(source, id.Value, JsonNodes.String(clause, "when"), Field, clause.Span, id.Span));
            }
        }

        return result;
    }

    private static DocumentSymbol Symbol(SourceText source, string name, string? detail, int kind, TextSpan range, TextSpan selection, IReadOnlyList<DocumentSymbol>? children = null) =>
        new(name.Length == 0 ? "(empty)" : name, detail, kind, TextPositions.ToRange(source, range), TextPositions.ToRange(source, selection), children);
}
