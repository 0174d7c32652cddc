using Powers.Diagnostics;
using Powers.Syntax.Expressions;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Analysis;

/// <summary>
/// Finds every name written in one library file, on the compiler's own JSON tree and expression parser: facts,
/// enum values, power, designation, version and force ids, clause ids and property names. Names are recognised by
/// where they sit (the property that holds them), so a file kind the server does not know still yields its names.
/// JSON depth is bounded by the parser (64) and expression depth by the expression parser (32).
/// </summary>
internal sealed class SymbolWalker
{
    private static readonly HashSet<string> PowerLists = new(StringComparer.Ordinal) { "powers", "standard", "requires", "except", "grant" };
    private static readonly HashSet<string> ClauseLists = new(StringComparer.Ordinal) { "clauses", "general", "restrictions", "assertions" };

    private readonly SourceText _source;
    private readonly FileRole _role;
    private readonly List<SymbolOccurrence> _into;
    private readonly List<string> _path = [];
    private string? _family;

    private SymbolWalker(SourceText source, FileRole role, List<SymbolOccurrence> into)
    {
        _source = source;
        _role = role;
        _into = into;
    }

    /// <summary>Every name in the file; an empty list when the JSON does not parse.</summary>
    public static List<SymbolOccurrence> Walk(SourceText source, FileRole role, out JsonNode? root)
    {
        var into = new List<SymbolOccurrence>();
        root = JsonParser.Parse(source, new DiagnosticBag());
        if (root is JsonObject obj)
        {
            var walker = new SymbolWalker(source, role, into) { _family = JsonNodes.String(obj, "ruleset") };
            walker.Visit(obj);
        }

        return into;
    }

    private void Visit(JsonNode node)
    {
        if (node is JsonArray array)
        {
            _path.Add("[]");
            foreach (var item in array.Items)
            {
                Visit(item);
            }

            _path.RemoveAt(_path.Count - 1);
            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var p in obj.Properties)
        {
            _into.Add(new SymbolOccurrence(SymbolKind.Property, p.Name, string.Join('/', _path), p.NameSpan, false, p.Value));
            Key(p);
            Value(obj, p);
            _path.Add(p.Name);
            Visit(p.Value);
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void Key(JsonProperty p)
    {
        string last = _path.Count > 0 ? _path[^1] : string.Empty;
        if (_role == FileRole.Facts && _path.Count == 1 && last == "facts")
        {
            Add(SymbolKind.Fact, p.Name, null, p.NameSpan, true, p.Value);
        }
        else if (_role == FileRole.Other && _path.Count == 1 && last == "powers" && p.Value is JsonObject)
        {
            Add(SymbolKind.Power, p.Name, _family, p.NameSpan, false, p.Value);
        }
        else if (last == "facts" && _path.Count >= 2 && _path[^2] == "query")
        {
            Add(SymbolKind.Fact, p.Name, null, p.NameSpan, false, null);
            if (p.Value is JsonString s)
            {
                Add(SymbolKind.EnumValue, s.Value, p.Name, s.Span, false, null);
            }
        }
        else if (_role == FileRole.Cases && (last == "expect" || last == "missing"))
        {
            Add(SymbolKind.Power, p.Name, null, p.NameSpan, false, null);
            if (last == "missing" && p.Value is JsonArray facts)
            {
                // "missing": { "road-check": ["roadCheckAuthorised"] }: the facts the case expects to be asked for.
                Items(facts, SymbolKind.Fact, null);
            }
        }
    }

    private void Value(JsonObject owner, JsonProperty p)
    {
        string last = _path.Count > 0 ? _path[^1] : string.Empty;
        switch (p.Name, p.Value)
        {
            case ("when", JsonString when):
                Expression(when);
                break;
            case ("extends", JsonString extends):
                Add(SymbolKind.Version, extends.Value, _family, extends.Span, false, null);
                break;
            case ("version", JsonString version) when _path.Count == 0 && _family is not null:
                Add(SymbolKind.Version, version.Value, _family, version.Span, true, owner);
                break;
            case ("designation", JsonString designation):
                Add(SymbolKind.Designation, designation.Value, null, designation.Span, _role == FileRole.Designation && _path.Count == 0, owner);
                break;
            case ("include" or "designations", JsonArray include):
                Items(include, SymbolKind.Designation, null);
                break;
            case ("power", JsonString power):
                // A removal or a cessation of a rule set version: { "power": "remove-child-curfew", "cite": ... }.
                Add(SymbolKind.Power, power.Value, null, power.Span, false, null);
                break;
            case ("force", JsonString force):
                Add(SymbolKind.Force, force.Value, null, force.Span, false, null);
                break;
            case ("forces", JsonArray forces):
                Items(forces, SymbolKind.Force, null);
                break;
            case ("values", JsonArray values) when _role == FileRole.Facts && _path.Count == 2:
                foreach (var item in values.Items)
                {
                    if (item is JsonString s)
                    {
                        Add(SymbolKind.EnumValue, s.Value, last, s.Span, true, owner);
                    }
                }

                break;
            case ("id", JsonString id) when last == "[]" && _path.Count >= 2:
                string list = _path[^2];
                if (_role == FileRole.Powers && list == "powers")
                {
                    Add(SymbolKind.Power, id.Value, null, id.Span, true, owner);
                }
                else if (_role == FileRole.Forces && list == "forces")
                {
                    Add(SymbolKind.Force, id.Value, null, id.Span, true, owner);
                }
                else if (ClauseLists.Contains(list))
                {
                    Add(SymbolKind.Clause, id.Value, null, id.Span, true, owner);
                }

                break;
            case (_, JsonArray items) when PowerLists.Contains(p.Name):
                Items(items, SymbolKind.Power, null);
                break;
        }
    }

    private void Items(JsonArray array, SymbolKind kind, string? scope)
    {
        foreach (var item in array.Items)
        {
            if (item is JsonString s)
            {
                Add(kind, s.Value, scope, s.Span, false, null);
            }
        }
    }

    private void Expression(JsonString when)
    {
        var syntax = ExpressionParser.Parse(when, _source, new DiagnosticBag());

        // An explicit stack: the parser bounds depth, but a walk over author input does not rely on that.
        var stack = new Stack<ExpressionSyntax>();
        stack.Push(syntax);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case NameSyntax name:
                    Add(SymbolKind.Fact, name.Name, null, name.Span, false, null);
                    break;
                case BinarySyntax binary:
                    if (binary.Left is NameSyntax l && binary.Right is ValueSyntax r)
                    {
                        Add(SymbolKind.EnumValue, r.Value, l.Name, r.Span, false, null);
                    }
                    else if (binary.Right is NameSyntax rn && binary.Left is ValueSyntax lv)
                    {
                        Add(SymbolKind.EnumValue, lv.Value, rn.Name, lv.Span, false, null);
                    }

                    stack.Push(binary.Right);
                    stack.Push(binary.Left);
                    break;
                case InSyntax inSyntax:
                    foreach (var value in inSyntax.Values)
                    {
                        if (inSyntax.Operand is NameSyntax operand && value is ValueSyntax v)
                        {
                            Add(SymbolKind.EnumValue, v.Value, operand.Name, v.Span, false, null);
                        }
                    }

                    stack.Push(inSyntax.Operand);
                    break;
                case GrantedSyntax granted:
                    Add(SymbolKind.Power, granted.PowerId, null, granted.PowerSpan, false, null);
                    break;
                case NotSyntax not:
                    stack.Push(not.Operand);
                    break;
                case ParenthesizedSyntax parenthesized:
                    stack.Push(parenthesized.Inner);
                    break;
            }
        }
    }

    private void Add(SymbolKind kind, string name, string? scope, TextSpan span, bool isDefinition, JsonNode? node) =>
        _into.Add(new SymbolOccurrence(kind, name, scope, span, isDefinition, node));
}
