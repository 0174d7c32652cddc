using System.Text.RegularExpressions;
using Powers.LanguageServer.Analysis;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// Rename of a fact or a power id across the whole library: every place the index finds it (the definition in
/// facts.json or powers.json, <c>when</c> expressions and <c>granted('...')</c>, <c>requires</c> and the other power
/// lists, rule set power keys, designations, golden cases and assertions) and the JSON Schemas under
/// <c>schema/</c> that list it (an <c>enum</c> item or a key of <c>properties</c>). Anything else, a new name that
/// is not a valid id, one already taken, or a name written with JSON escapes, is refused with a message.
/// </summary>
internal static partial class RenameProvider
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "and", "or", "not", "in", "true", "false", "granted", "designated" };

    public static PrepareRenameResult Prepare(DocumentContext context, int offset)
    {
        var (symbol, _) = Target(context, offset);
        return new PrepareRenameResult(TextPositions.ToRange(context.Source, Inner(context.Source, symbol.Span)), symbol.Name);
    }

    /// <param name="context">The document, with a snapshot compiled after its last change.</param>
    /// <param name="offset">The cursor.</param>
    /// <param name="newName">The name the author typed.</param>
    /// <param name="schemas">The library's schema files (path and text), which the compiler does not read.</param>
    public static WorkspaceEdit Rename(DocumentContext context, int offset, string? newName, IEnumerable<SourceText> schemas)
    {
        var (symbol, index) = Target(context, offset);
        string what = symbol.Kind == SymbolKind.Fact ? "fact" : "power";
        newName ??= string.Empty;
        if (symbol.Kind == SymbolKind.Fact ? !FactName().IsMatch(newName) : !PowerId().IsMatch(newName))
        {
            throw new RenameRefusedException(symbol.Kind == SymbolKind.Fact
                ? "'" + newName + "' is not a fact name: it must start with a lower-case letter and have only letters and digits, like 'inUniform'"
                : "'" + newName + "' is not a power id: it must be lower-case letters and digits, in words joined by single hyphens, like 'road-check'");
        }

        if (Reserved.Contains(newName))
        {
            throw new RenameRefusedException("'" + newName + "' is a word of the when-expression language and cannot name a " + what);
        }

        var edits = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
        if (newName == symbol.Name)
        {
            return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>());
        }

        foreach (var (file, taken) in index.Files.SelectMany(f => f.Symbols.Where(s => s.Kind == symbol.Kind && s.IsDefinition && s.Name == newName).Select(s => (f, s))))
        {
            throw new RenameRefusedException("'" + newName + "' is already a " + what + " (" + Place(file.Source, taken.Span) + ")");
        }

        foreach (var (file, occurrence) in index.Occurrences(symbol))
        {
            Add(edits, context, file.Source, occurrence.Span, symbol.Name, newName);
        }

        foreach (var schema in schemas)
        {
            foreach (var span in SchemaMentions(schema, symbol.Name))
            {
                Add(edits, context, schema, span, symbol.Name, newName);
            }
        }

        return new WorkspaceEdit(edits.ToDictionary(e => e.Key, e => (IReadOnlyList<TextEdit>)e.Value, StringComparer.Ordinal));
    }

    /// <summary>The fact or power at the cursor with the index to rename it in; refuses anything else.</summary>
    private static (SymbolOccurrence Symbol, LibraryIndex Index) Target(DocumentContext context, int offset)
    {
        var symbol = context.File.At(offset);
        if (symbol is null)
        {
            throw new RenameRefusedException("Only a fact or a power id can be renamed, and there is none here");
        }

        if (symbol.Kind is not (SymbolKind.Fact or SymbolKind.Power))
        {
            throw new RenameRefusedException("Only a fact or a power id can be renamed; '" + symbol.Name + "' is " + Describe(symbol.Kind));
        }

        var index = context.Index ?? throw new RenameRefusedException("The library has not been read yet; try again");
        if (!index.Definitions(symbol).Any())
        {
            throw new RenameRefusedException(symbol.Kind == SymbolKind.Fact
                ? "'" + symbol.Name + "' is not a fact defined in facts.json, so there is nothing to rename"
                : "'" + symbol.Name + "' is not a power defined in powers.json, so there is nothing to rename");
        }

        return (symbol, index);
    }

    private static void Add(Dictionary<string, List<TextEdit>> edits, DocumentContext context, SourceText source, TextSpan span, string name, string newName)
    {
        var inner = Inner(source, span);
        if (source.GetText(inner) != name)
        {
            // "road\u002dcheck" is the same id to the compiler, but an edit of its text would not be a rename.
            throw new RenameRefusedException("'" + name + "' is written with escapes at " + Place(source, span) + "; write it plainly there first");
        }

        string uri = context.UriOf(source.Path);
        if (!edits.TryGetValue(uri, out var list))
        {
            list = [];
            edits[uri] = list;
        }

        list.Add(new TextEdit(TextPositions.ToRange(source, inner), newName));
    }

    /// <summary>A JSON string's span without its quotes; a name inside a when expression is already bare.</summary>
    private static TextSpan Inner(SourceText source, TextSpan span) =>
        span.Length >= 2 && source.Text[span.Start] == '"' && source.Text[span.End - 1] == '"'
            ? TextSpan.FromBounds(span.Start + 1, span.End - 1)
            : span;

    /// <summary>Where a schema lists the name: an item of an <c>enum</c> array, or a key of a <c>properties</c> object.</summary>
    private static List<TextSpan> SchemaMentions(SourceText schema, string name)
    {
        var found = new List<TextSpan>();
        if (JsonParser.Parse(schema, new Powers.Diagnostics.DiagnosticBag()) is not { } root)
        {
            return found;
        }

        foreach (var p in JsonTreeWalk.Properties(root))
        {
            if (p.Name == "enum" && p.Value is JsonArray values)
            {
                found.AddRange(values.Items.OfType<JsonString>().Where(s => s.Value == name).Select(s => s.Span));
            }
            else if (p.Name == "properties" && p.Value is JsonObject properties)
            {
                found.AddRange(properties.Properties.Where(q => q.Name == name).Select(q => q.NameSpan));
            }
        }

        return found;
    }

    private static string Describe(SymbolKind kind) => kind switch
    {
        SymbolKind.EnumValue => "an enum value",
        SymbolKind.Designation => "a designation id",
        SymbolKind.Version => "a rule set version",
        SymbolKind.Force => "a force id",
        SymbolKind.Clause => "a clause id",
        _ => "a property name",
    };

    private static string Place(SourceText source, TextSpan span)
    {
        var p = source.GetLinePosition(span.Start);
        return Path.GetFileName(source.Path) + "(" + p.Line + "," + p.Column + ")";
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex FactName();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PowerId();
}
