using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Expressions;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>Clauses, shared by rule sets (general and power clauses) and designations (restrictions).</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] ClauseProperties = ["id", "when", "cite", "text", "confidence", "note"];

    /// <summary>Reads a clause; extra properties allowed by the caller are read by the caller.</summary>
    private Clause? ReadClause(JsonObjectReader clause, string owner, ClauseOrigin origin, bool citeRequired)
    {
        var source = clause.Source;
        var id = clause.String("id", true);
        var when = clause.String("when", true);
        string describe = owner + " clause '" + (id?.Value ?? "?") + "'";
        string? cite = clause.StringValue("cite", false);
        string? text = clause.StringValue("text", false);
        var (confidence, note) = ReadConfidence(clause, describe);

        if (citeRequired && string.IsNullOrWhiteSpace(cite))
        {
            Report(DiagnosticDescriptors.MissingCitation, source, (clause.Object.Find("cite")?.Value.Span) ?? clause.OpeningBrace, Capitalize(describe));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Report(DiagnosticDescriptors.EmptyText, source, (clause.Object.Find("text")?.Value.Span) ?? clause.OpeningBrace, Capitalize(describe));
        }

        if (id is null || when is null || !CheckId(source, id, "clause id"))
        {
            return null;
        }

        var syntax = ExpressionParser.Parse(when, source, _diagnostics);
        BoundExpression bound = syntax is ErrorSyntax
            ? new BoundError(syntax.Span)
            : new Binder(_schema, source, _schemaLoaded ? _diagnostics : new DiagnosticBag(), _powerIds).BindCondition(syntax);
        WarnIfResidualUnbounded(source, bound);
        // Only rule set clauses may be limited by nation; elsewhere 'nations' is an unknown property already.
        var nations = origin == ClauseOrigin.Restriction ? null : ReadNations(clause);
        return new Clause(id.Value, when.Value, bound, cite ?? string.Empty, text ?? string.Empty, confidence, note, origin, At(source, id.Span)) { Nations = nations };
    }

    /// <summary>
    /// A <c>nations</c> list (a power's or a clause's): each must be a nation some force of forces.json names, so
    /// that a typo cannot silently leave a power in force nowhere or a clause binding no force.
    /// </summary>
    private HashSet<string>? ReadNations(JsonObjectReader reader)
    {
        if (reader.Array("nations", false) is not { } array)
        {
            return null;
        }

        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in reader.StringItems(array, "nations"))
        {
            if (_nations.Contains(n.Value))
            {
                result.Add(n.Value);
            }
            else if (_forcesRead)
            {
                string known = _nations.Count == 0 ? "forces.json names no nation" : "use one of " + string.Join(", ", _nations.Order(StringComparer.Ordinal));
                Report(DiagnosticDescriptors.InvalidValue, reader.Source, n.Span, n.Value, "nation", known);
            }
        }

        return result;
    }

    /// <summary>
    /// PWR0211 at a clause's first comparison of two whole-number facts: residual search cuts each integer at the
    /// constants it is compared with, which such a comparison defeats. Iterative, over a tree the parser bounded.
    /// </summary>
    private void WarnIfResidualUnbounded(SourceText source, BoundExpression bound)
    {
        var stack = new Stack<BoundExpression>();
        stack.Push(bound);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case BoundComparison { Left: BoundFact { Fact.Kind: FactKind.Int }, Right: BoundFact { Fact.Kind: FactKind.Int } } comparison:
                    Report(DiagnosticDescriptors.IntegersComparedWithEachOther, source, comparison.Span, source.GetText(comparison.Span));
                    return;
                case BoundLogical logical:
                    stack.Push(logical.Right);
                    stack.Push(logical.Left);
                    break;
                case BoundNot not:
                    stack.Push(not.Operand);
                    break;
            }
        }
    }

    private (Confidence Confidence, string? Note) ReadConfidence(JsonObjectReader reader, string describe)
    {
        var source = reader.Source;
        var confidence = Confidence.High;
        var confidenceNode = reader.String("confidence", false);
        if (confidenceNode is not null)
        {
            switch (confidenceNode.Value)
            {
                case "high": break;
                case "low": confidence = Confidence.Low; break;
                default:
                    Report(DiagnosticDescriptors.InvalidValue, source, confidenceNode.Span, confidenceNode.Value, "confidence", "use 'high' or 'low'");
                    break;
            }
        }

        string? note = reader.StringValue("note", false);
        if (confidence == Confidence.Low)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                Report(DiagnosticDescriptors.LowConfidenceWithoutNote, source, confidenceNode!.Span, Capitalize(describe));
            }
            else
            {
                Report(DiagnosticDescriptors.LowConfidence, source, confidenceNode!.Span, describe, note);
            }
        }

        return (confidence, note);
    }

    private EffectiveRange? ReadEffective(SourceText source, JsonNode node, bool allowNever)
    {
        if (node is JsonString s)
        {
            if (allowNever && s.Value == "never")
            {
                return new EffectiveRange(DateOnly.MinValue, null, Never: true);
            }

            Report(DiagnosticDescriptors.InvalidValue, source, s.Span, s.Value, "effective range", allowNever ? "use { \"from\": \"YYYY-MM-DD\", \"until\": \"YYYY-MM-DD\" } or \"never\"" : "use { \"from\": \"YYYY-MM-DD\", \"until\": \"YYYY-MM-DD\" }");
            return null;
        }

        if (node is not JsonObject obj)
        {
            Report(DiagnosticDescriptors.WrongJsonType, source, node.Span, "effective", "an object", node.KindPhrase);
            return null;
        }

        var reader = new JsonObjectReader(obj, source, _diagnostics, "the effective range", ["from", "until"]);
        var from = ReadDate(source, reader.String("from", true));
        var untilNode = reader.String("until", false);
        var until = ReadDate(source, untilNode);
        if (from is null || (untilNode is not null && until is null))
        {
            return null;
        }

        if (until is { } u && u < from.Value)
        {
            Report(DiagnosticDescriptors.EmptyRange, source, untilNode!.Span, EffectiveRange.Format(u), EffectiveRange.Format(from.Value));
            return null;
        }

        return new EffectiveRange(from.Value, until);
    }

    private DateOnly? ReadDate(SourceText source, JsonString? node)
    {
        if (node is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(node.Value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
        {
            return date;
        }

        Report(DiagnosticDescriptors.InvalidValue, source, node.Span, node.Value, "date", "use YYYY-MM-DD, e.g. 2012-07-10");
        return null;
    }

    /// <summary>Checks power ids in a list, reporting unknown ones with "did you mean"; returns the known ones.</summary>
    private HashSet<string> KnownPowers(SourceText source, IReadOnlyList<JsonString> ids)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (CheckPower(source, id))
            {
                result.Add(id.Value);
            }
        }

        return result;
    }

    private bool CheckPower(SourceText source, JsonString id)
    {
        if (_powers.Any(p => p.Id == id.Value))
        {
            return true;
        }

        Report(DiagnosticDescriptors.UnknownPower, source, id.Span, id.Value, DidYouMean.Suggest(id.Value, _powers.Select(p => p.Id)));
        return false;
    }

    private List<JsonObjectReader> ObjectItems(JsonObjectReader owner, string property, string what, IReadOnlyCollection<string> allowed)
    {
        var array = owner.Array(property, false);
        if (array is null)
        {
            return [];
        }

        var result = new List<JsonObjectReader>();
        foreach (var item in array.Items)
        {
            if (item is JsonObject obj)
            {
                result.Add(new JsonObjectReader(obj, owner.Source, _diagnostics, what, allowed));
            }
            else
            {
                owner.ReportWrongType(property + "[]", item, "an object");
            }
        }

        return result;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static TextSpan SpanOf(JsonObjectReader reader, string property) => reader.Object.Find(property)?.Value.Span ?? reader.OpeningBrace;
}
