using System.Text;
using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax.Json;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Hover: a fact (type, values, meaning), an enum value, a power (title, and its citation in this version), a clause
/// (citation, confidence, note), an <c>extends</c> or <c>include</c> target (title and effective range), a force, and
/// a property name (its description from the JSON Schema).
/// </summary>
internal static class HoverProvider
{
    public static Hover? Hover(DocumentContext context, int offset, SchemaCatalog schemas)
    {
        var symbol = context.File.At(offset);
        if (symbol is null)
        {
            return null;
        }

        string? text = symbol.Kind switch
        {
            SymbolKind.Fact => Fact(context, symbol),
            SymbolKind.EnumValue => EnumValue(context, symbol),
            SymbolKind.Power => Power(context, symbol),
            SymbolKind.Clause => Clause(symbol.Node),
            SymbolKind.Version => Version(context, symbol),
            SymbolKind.Designation => Designation(context, symbol),
            SymbolKind.Force => Force(context, symbol),
            SymbolKind.Property => schemas.Describe(context.Source, symbol),
            _ => null,
        };
        return text is null ? null : new Hover(new MarkupContent("markdown", text), TextPositions.ToRange(context.Source, symbol.Span));
    }

    private static JsonNode? Definition(DocumentContext context, SymbolOccurrence symbol) =>
        symbol.IsDefinition ? symbol.Node : context.Index?.Definitions(symbol).Select(d => d.Symbol.Node).FirstOrDefault(n => n is not null);

    private static string? Fact(DocumentContext context, SymbolOccurrence symbol)
    {
        var node = Definition(context, symbol);
        if (node is null)
        {
            return "**" + symbol.Name + "**: not a fact of this library";
        }

        var b = new StringBuilder();
        string type = JsonNodes.String(node, "type") ?? "?";
        b.Append("**").Append(symbol.Name).Append("**: fact, ").Append(type);
        var values = JsonNodes.Strings(JsonNodes.Get(node, "values"));
        if (values.Count > 0)
        {
            b.Append(" (").Append(string.Join(", ", values.Select(v => "'" + v + "'"))).Append(')');
        }

        if (JsonNodes.Get(node, "min") is JsonNumber min)
        {
            b.Append(", ").Append(min.Text).Append(" or more");
        }

        if (JsonNodes.String(node, "text") is { } meaning)
        {
            b.Append("\n\n").Append(meaning);
        }

        return b.ToString();
    }

    private static string EnumValue(DocumentContext context, SymbolOccurrence symbol)
    {
        var fact = context.Index?.DefinitionsOf(SymbolKind.Fact).FirstOrDefault(f => f.Name == symbol.Scope);
        var values = JsonNodes.Strings(JsonNodes.Get(fact?.Node, "values"));
        return values.Contains(symbol.Name)
            ? "'" + symbol.Name + "': a value of **" + symbol.Scope + "** (" + string.Join(", ", values.Select(v => "'" + v + "'")) + ")"
            : "'" + symbol.Name + "': not a value of **" + symbol.Scope + "**";
    }

    private static string? Power(DocumentContext context, SymbolOccurrence symbol)
    {
        var b = new StringBuilder();
        var catalogue = context.Index?.DefinitionsOf(SymbolKind.Power).FirstOrDefault(p => p.Name == symbol.Name);
        b.Append("**").Append(symbol.Name).Append("**: ").Append(JsonNodes.String(catalogue?.Node, "title") ?? "not in the power catalogue (powers.json)");

        // In a rule set file the power's own object says what this version confers.
        if (symbol.Node is JsonObject rule)
        {
            b.Append("\n\nIn this version: ").Append(JsonNodes.String(rule, "title") ?? "(title inherited)");
            if (JsonNodes.String(rule, "cite") is { } cite)
            {
                b.Append("\n\nCite: ").Append(cite);
            }

            Confidence(b, rule);
            return b.ToString();
        }

        var versions = context.Index?.Occurrences(symbol).Where(o => o.Symbol.Node is JsonObject && o.File.Root is JsonObject).ToList() ?? [];
        if (versions.Count > 0)
        {
            b.Append("\n\nWritten in: ");
            b.Append(string.Join(", ", versions.Select(v => JsonNodes.String(v.File.Root, "ruleset") + "@" + JsonNodes.String(v.File.Root, "version"))));
        }

        return b.ToString();
    }

    private static string? Clause(JsonNode? clause)
    {
        if (clause is null)
        {
            return null;
        }

        var b = new StringBuilder();
        b.Append("**clause ").Append(JsonNodes.String(clause, "id")).Append("**");
        if (JsonNodes.String(clause, "when") is { } when)
        {
            b.Append(": `").Append(when).Append('`');
        }

        if (JsonNodes.String(clause, "text") is { } text)
        {
            b.Append("\n\n").Append(text);
        }

        b.Append("\n\nCite: ").Append(JsonNodes.String(clause, "cite") ?? "(none)");
        Confidence(b, clause);
        return b.ToString();
    }

    private static void Confidence(StringBuilder b, JsonNode node)
    {
        b.Append("\n\nConfidence: ").Append(JsonNodes.String(node, "confidence") ?? "high");
        if (JsonNodes.String(node, "note") is { } note)
        {
            b.Append("\n\nNote: ").Append(note);
        }
    }

    private static string Version(DocumentContext context, SymbolOccurrence symbol)
    {
        var target = Definition(context, symbol);
        string id = symbol.Scope + "@" + symbol.Name;
        return target is null
            ? "**" + id + "**: no such version in this library"
            : "**" + id + "**: " + JsonNodes.String(target, "title") + "\n\nIn force: " + (JsonNodes.Effective(target) ?? "?");
    }

    private static string Designation(DocumentContext context, SymbolOccurrence symbol)
    {
        var target = Definition(context, symbol);
        if (target is null)
        {
            return "**" + symbol.Name + "**: no such designation in this library";
        }

        var powers = JsonNodes.Strings(JsonNodes.Get(target, "powers"));
        return "**" + symbol.Name + "**: " + JsonNodes.String(target, "title") + "\n\nForce: " + JsonNodes.String(target, "force")
            + "\n\nIn effect: " + (JsonNodes.Effective(target) ?? "?")
            + (powers.Count > 0 ? "\n\nPowers: " + string.Join(", ", powers) : string.Empty);
    }

    private static string Force(DocumentContext context, SymbolOccurrence symbol)
    {
        var target = Definition(context, symbol);
        return "**" + symbol.Name + "**: " + (JsonNodes.String(target, "name") ?? "not a force of this library (forces.json)");
    }
}
