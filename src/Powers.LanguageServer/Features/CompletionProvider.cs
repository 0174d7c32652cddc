using System.Text.RegularExpressions;
using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Completion: fact names, enum values, keywords and operators inside <c>when</c> strings; power, designation,
/// version and force ids where the format expects them; property names the JSON Schema allows at the cursor.
/// Each item's <c>textEdit</c> replaces the whole identifier under the cursor, and only items that start with what
/// is typed before the cursor (ignoring case) are offered; the list is then incomplete, so a client asks again when
/// the typed text shrinks.
/// </summary>
internal static partial class CompletionProvider
{
    private const int Variable = 6;
    private const int Property = 10;
    private const int Value = 12;
    private const int Keyword = 14;
    private const int EnumMember = 20;
    private const int Operator = 24;
    private const int Reference = 18;

    private static readonly string[] Keywords = ["and", "or", "not", "in", "true", "false"];
    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">="];
    private static readonly HashSet<string> PowerLists = new(StringComparer.Ordinal) { "powers", "standard", "requires", "except", "grant" };

    public static CompletionList Complete(DocumentContext context, int offset, SchemaCatalog schemas)
    {
        var cursor = CursorScanner.Scan(context.Source.Text, offset);
        var items = new List<CompletionItem>();
        var index = context.Index;
        if (cursor.InString && cursor.Owner == "when")
        {
            Expression(context, cursor, offset, items);
        }
        else if (cursor.InString && !cursor.IsKey)
        {
            var range = Word(context.Source, offset, cursor.StringStart, allowHyphen: true);
            string? last = cursor.Path.Count > 0 ? cursor.Path[^1] : null;
            string? family = JsonNodes.String(context.File.Root, "ruleset") ?? FamilyOf(context.Source.Text);
            var kind = cursor.Owner switch
            {
                "extends" => SymbolKind.Version,
                "include" => SymbolKind.Designation,
                "designation" when cursor.Path.Count > 0 => SymbolKind.Designation,
                "force" or "forces" => SymbolKind.Force,
                { } o when cursor.InArray && PowerLists.Contains(o) => SymbolKind.Power,
                _ => (SymbolKind?)null,
            };
            if (kind is { } k && index is not null)
            {
                Ids(index.DefinitionsOf(k, k == SymbolKind.Version ? family : null), k, range, context.Source, items);
            }
            else if (last == "facts" && cursor.Path.Count >= 2 && cursor.Path[^2] == "query" && cursor.Owner is { } fact)
            {
                EnumValues(index, fact, range, context.Source, items, quoted: false);
            }
        }
        else if (cursor.IsKey)
        {
            Keys(context, cursor, offset, schemas, items);
        }

        return Filter(context.Source, offset, items);
    }

    /// <summary>Keeps the items whose label (without quotes) starts with the text typed from their range's start to the cursor.</summary>
    private static CompletionList Filter(SourceText source, int offset, List<CompletionItem> items)
    {
        var kept = new List<CompletionItem>(items.Count);
        foreach (var item in items)
        {
            string typed = item.TextEdit is { } edit ? Typed(source, edit.Range, offset) : string.Empty;
            if (typed.Length == 0 || item.Label.Trim('\'', '"').StartsWith(typed.TrimStart('\'', '"'), StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(item);
            }
        }

        return new CompletionList(kept.Count < items.Count, kept);
    }

    private static string Typed(SourceText source, LspRange range, int offset)
    {
        int start = TextPositions.ToOffset(source, range.Start);
        return start < offset ? source.Text[start..offset] : string.Empty;
    }

    private static void Keys(DocumentContext context, CursorContext cursor, int offset, SchemaCatalog schemas, List<CompletionItem> items)
    {
        var range = cursor.InString ? Word(context.Source, offset, cursor.StringStart, allowHyphen: true) : new TextSpan(offset, 0);
        string? last = cursor.Path.Count > 0 ? cursor.Path[^1] : null;
        var index = context.Index;
        if (index is not null && ((cursor.Path.Count == 1 && last == "powers" && context.File.Role == FileRole.Other)
            || (context.File.Role == FileRole.Cases && last is "expect" or "missing")))
        {
            Ids(index.DefinitionsOf(SymbolKind.Power), SymbolKind.Power, range, context.Source, items, cursor.InString ? null : "\"");
            return;
        }

        if (index is not null && last == "facts" && cursor.Path.Count >= 2 && cursor.Path[^2] == "query")
        {
            Ids(index.DefinitionsOf(SymbolKind.Fact), SymbolKind.Fact, range, context.Source, items, cursor.InString ? null : "\"");
            return;
        }

        foreach (var (name, description) in schemas.PropertiesAt(context.Source, cursor.Path))
        {
            string text = cursor.InString ? name : "\"" + name + "\": ";
            items.Add(new CompletionItem(name, Property, "property", description is null ? null : new MarkupContent("markdown", description),
                new TextEdit(TextPositions.ToRange(context.Source, range), text)));
        }
    }

    private static void Expression(DocumentContext context, CursorContext cursor, int offset, List<CompletionItem> items)
    {
        string typed = context.Source.Text[cursor.StringStart..offset];
        int quotes = typed.Count(c => c == '\'');
        var index = context.Index;
        if (quotes % 2 == 1)
        {
            // Inside an enum literal: the values of the fact it is compared with.
            int quote = typed.LastIndexOf('\'');
            var before = ComparedFact().Match(typed[..quote]);
            if (GrantedCall().IsMatch(typed[..quote]) && index is not null)
            {
                // granted('power-id') or designated('power-id'): the power catalogue.
                Ids(index.DefinitionsOf(SymbolKind.Power), SymbolKind.Power, TextSpan.FromBounds(cursor.StringStart + quote + 1, WordEnd(context.Source, offset, allowHyphen: true)), context.Source, items);
            }
            else if (before.Success)
            {
                var range = TextSpan.FromBounds(cursor.StringStart + quote + 1, WordEnd(context.Source, offset, allowHyphen: true));
                EnumValues(index, before.Groups[1].Value, range, context.Source, items, quoted: false);
            }

            return;
        }

        var word = Word(context.Source, offset, cursor.StringStart, allowHyphen: false);
        var comparison = ComparedFact().Match(typed[..(typed.Length - (offset - word.Start))]);
        if (comparison.Success)
        {
            EnumValues(index, comparison.Groups[1].Value, word, context.Source, items, quoted: true);
        }

        if (index is not null)
        {
            foreach (var fact in index.DefinitionsOf(SymbolKind.Fact))
            {
                string type = JsonNodes.String(fact.Node, "type") ?? "?";
                string? text = JsonNodes.String(fact.Node, "text");
                items.Add(new CompletionItem(fact.Name, Variable, "fact: " + type, text is null ? null : new MarkupContent("markdown", text),
                    new TextEdit(TextPositions.ToRange(context.Source, word), fact.Name), "1" + fact.Name));
            }
        }

        foreach (string keyword in Keywords)
        {
            items.Add(new CompletionItem(keyword, Keyword, null, null, new TextEdit(TextPositions.ToRange(context.Source, word), keyword), "2" + keyword));
        }

        foreach (string op in word.Start < offset ? [] : Operators)
        {
            items.Add(new CompletionItem(op, Operator, null, null, new TextEdit(TextPositions.ToRange(context.Source, new TextSpan(offset, 0)), op), "3" + op));
        }
    }

    private static void EnumValues(LibraryIndex? index, string fact, TextSpan range, SourceText source, List<CompletionItem> items, bool quoted)
    {
        var definition = index?.DefinitionsOf(SymbolKind.Fact).FirstOrDefault(f => f.Name == fact);
        foreach (string value in JsonNodes.Strings(JsonNodes.Get(definition?.Node, "values")))
        {
            string text = quoted ? "'" + value + "'" : value;
            items.Add(new CompletionItem(text, EnumMember, "value of " + fact, null, new TextEdit(TextPositions.ToRange(source, range), text), "0" + value));
        }
    }

    private static void Ids(IReadOnlyList<SymbolOccurrence> definitions, SymbolKind kind, TextSpan range, SourceText source, List<CompletionItem> items, string? quote = null)
    {
        foreach (var d in definitions)
        {
            string? detail = kind switch
            {
                SymbolKind.Version or SymbolKind.Designation or SymbolKind.Power => JsonNodes.String(d.Node, "title"),
                SymbolKind.Force => JsonNodes.String(d.Node, "name"),
                SymbolKind.Fact => "fact: " + JsonNodes.String(d.Node, "type"),
                _ => null,
            };
            string text = quote is null ? d.Name : quote + d.Name + quote + ": ";
            items.Add(new CompletionItem(d.Name, kind == SymbolKind.Fact ? Variable : kind == SymbolKind.Force ? Value : Reference, detail, null,
                new TextEdit(TextPositions.ToRange(source, range), text)));
        }
    }

    /// <summary>The identifier under the cursor, from its start (not before the string's) to its end, past the cursor.</summary>
    private static TextSpan Word(SourceText source, int offset, int floor, bool allowHyphen)
    {
        int start = offset;
        while (start > floor && IsWordChar(source.Text[start - 1], allowHyphen))
        {
            start--;
        }

        return TextSpan.FromBounds(start, WordEnd(source, offset, allowHyphen));
    }

    private static int WordEnd(SourceText source, int offset, bool allowHyphen)
    {
        int end = offset;
        while (end < source.Length && IsWordChar(source.Text[end], allowHyphen))
        {
            end++;
        }

        return end;
    }

    private static bool IsWordChar(char c, bool allowHyphen) => char.IsLetterOrDigit(c) || c == '_' || (allowHyphen && c is '-' or '@');

    private static string? FamilyOf(string text)
    {
        var m = RulesetProperty().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)\s*(?:==|!=|in\s*\[[^\]]*)\s*$")]
    private static partial Regex ComparedFact();

    [GeneratedRegex(@"\b(?:granted|designated)\s*\(\s*$")]
    private static partial Regex GrantedCall();

    [GeneratedRegex("\"ruleset\"\\s*:\\s*\"([^\"\\\\]*)\"")]
    private static partial Regex RulesetProperty();
}
