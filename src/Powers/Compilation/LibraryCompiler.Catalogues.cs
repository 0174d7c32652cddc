using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>facts.json, powers.json and forces.json.</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] FactProperties = ["type", "values", "min", "text"];
    private static readonly string[] Keywords = ["true", "false", "not", "and", "or", "in"];

    private void ReadFacts(SourceText source, JsonNode root)
    {
        if (RootObject(source, root, "facts.json", ["facts"]) is not { } reader || reader.ObjectProperty("facts", true) is not { } facts)
        {
            return;
        }

        var symbols = new List<FactSymbol>();
        foreach (var p in facts.Properties)
        {
            if (!IsIdentifier(p.Name))
            {
                Report(DiagnosticDescriptors.InvalidValue, source, p.NameSpan, p.Name, "fact name", "use letters and digits, starting with a letter, and not a keyword");
                continue;
            }

            if (p.Value is not JsonObject definition)
            {
                Report(DiagnosticDescriptors.WrongJsonType, source, p.Value.Span, p.Name, "an object", p.Value.KindPhrase);
                continue;
            }

            var fact = new JsonObjectReader(definition, source, _diagnostics, "fact '" + p.Name + "'", FactProperties);
            var typeNode = fact.String("type", true);
            string text = fact.StringValue("text", false) ?? string.Empty;
            if (typeNode is null)
            {
                continue;
            }

            List<string> values = [];
            int min = 0;
            FactKind kind;
            switch (typeNode.Value)
            {
                case "bool":
                    kind = FactKind.Bool;
                    break;
                case "int":
                    kind = FactKind.Int;
                    min = fact.Int("min", false, int.MinValue) ?? 0;
                    break;
                case "enum":
                    kind = FactKind.Enum;
                    values = ReadEnumValues(fact, source);
                    if (values.Count == 0)
                    {
                        continue;
                    }

                    break;
                default:
                    Report(DiagnosticDescriptors.UnknownFactType, source, typeNode.Span, typeNode.Value);
                    continue;
            }

            if (symbols.Count >= FactSchema.MaxFacts)
            {
                Report(DiagnosticDescriptors.LimitExceeded, source, p.NameSpan, "A fact schema may have at most " + FactSchema.MaxFacts + " facts");
                break;
            }

            symbols.Add(new FactSymbol(p.Name, symbols.Count, kind, values, min, text));
        }

        _schema = new FactSchema(symbols);
        _schemaLoaded = true;
    }

    private List<string> ReadEnumValues(JsonObjectReader fact, SourceText source)
    {
        var values = new List<string>();
        foreach (var item in fact.StringArray("values", true))
        {
            if (!IsKebab(item.Value))
            {
                Report(DiagnosticDescriptors.InvalidValue, source, item.Span, item.Value, "enum value", "use lower-case letters, digits and single hyphens");
            }
            else if (values.Contains(item.Value))
            {
                Report(DiagnosticDescriptors.DuplicateId, source, item.Span, "Enum value", item.Value, "an earlier item");
            }
            else
            {
                values.Add(item.Value);
            }
        }

        return values;
    }

    private void ReadPowers(SourceText source, JsonNode root)
    {
        if (RootObject(source, root, "powers.json", ["powers"]) is not { } reader || reader.Array("powers", true) is not { } powers)
        {
            return;
        }

        var seen = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var item in powers.Items)
        {
            if (item is not JsonObject obj)
            {
                Report(DiagnosticDescriptors.WrongJsonType, source, item.Span, "powers[]", "an object", item.KindPhrase);
                continue;
            }

            var power = new JsonObjectReader(obj, source, _diagnostics, "a power", ["id", "title"]);
            var id = power.String("id", true);
            string title = power.StringValue("title", true) ?? string.Empty;
            if (id is null || !CheckId(source, id, "power id") || !Unique(seen, source, id, "Power"))
            {
                continue;
            }

            _powers.Add(new PowerDefinition(id.Value, title, _powers.Count));
            _powerIds.Add(id.Value);
        }
    }

    private void ReadForces(SourceText source, JsonNode root)
    {
        if (RootObject(source, root, "forces.json", ["forces"]) is not { } reader || reader.Array("forces", true) is not { } forces)
        {
            return;
        }

        var seen = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var item in forces.Items)
        {
            if (item is not JsonObject obj)
            {
                Report(DiagnosticDescriptors.WrongJsonType, source, item.Span, "forces[]", "an object", item.KindPhrase);
                continue;
            }

            var force = new JsonObjectReader(obj, source, _diagnostics, "a force", ["id", "name", "nations"]);
            var id = force.String("id", true);
            string name = force.StringValue("name", true) ?? string.Empty;
            var nations = new List<string>();
            foreach (var n in force.StringArray("nations", false))
            {
                if (CheckId(source, n, "nation") && !nations.Contains(n.Value))
                {
                    nations.Add(n.Value);
                    _nations.Add(n.Value);
                }
            }

            if (id is null || !CheckId(source, id, "force id") || !Unique(seen, source, id, "Force"))
            {
                continue;
            }

            _forces.Add(new Force(id.Value, name) { Nations = nations });
        }
    }

    private JsonObjectReader? RootObject(SourceText source, JsonNode root, string what, IReadOnlyCollection<string> allowed)
    {
        if (root is JsonObject obj)
        {
            return new JsonObjectReader(obj, source, _diagnostics, what, allowed);
        }

        Report(DiagnosticDescriptors.WrongJsonType, source, root.Span, what, "an object", root.KindPhrase);
        return null;
    }

    private bool CheckId(SourceText source, JsonString id, string what)
    {
        if (IsKebab(id.Value))
        {
            return true;
        }

        Report(DiagnosticDescriptors.InvalidValue, source, id.Span, id.Value, what, "use lower-case letters, digits and single hyphens, e.g. 'road-check'");
        return false;
    }

    private bool Unique(Dictionary<string, Location> seen, SourceText source, JsonString id, string what)
    {
        if (seen.TryGetValue(id.Value, out var first))
        {
            Report(DiagnosticDescriptors.DuplicateId, source, id.Span, what, id.Value, first.ToString());
            return false;
        }

        seen.Add(id.Value, At(source, id.Span));
        return true;
    }


    /// <summary>Whether a string is a kebab-case id: lower-case letters and digits in groups joined by single hyphens.</summary>
    internal static bool IsKebab(string value)
    {
        if (value.Length == 0 || value.Length > 100 || value[0] == '-' || value[^1] == '-')
        {
            return false;
        }

        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && value[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifier(string value)
    {
        if (value.Length == 0 || value.Length > 100 || !(char.IsAsciiLetter(value[0]) || value[0] == '_') || Array.IndexOf(Keywords, value) >= 0)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
