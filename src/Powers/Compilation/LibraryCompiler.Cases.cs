using Powers.Diagnostics;
using Powers.Model;
using Powers.Queries;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>Golden cases: reading, and checking their queries against the compiled library.</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] CaseProperties = ["name", "cite", "query", "expect", "missing", "note"];

    private void ReadCases(SourceText source, JsonNode root, List<GoldenCase> cases)
    {
        if (RootObject(source, root, "the case file", ["cases"]) is not { } reader)
        {
            return;
        }

        var names = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var item in ObjectItems(reader, "cases", "a golden case", CaseProperties))
        {
            var name = item.String("name", true);
            string? cite = item.StringValue("cite", false);
            var query = item.ObjectProperty("query", true);
            var expectNode = item.ObjectProperty("expect", true);
            if (name is null || query is null || expectNode is null)
            {
                continue;
            }

            Unique(names, source, name, "Golden case");
            if (string.IsNullOrWhiteSpace(cite))
            {
                Report(DiagnosticDescriptors.CaseWithoutCitation, source, name.Span, name.Value);
            }

            var expect = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in expectNode.Properties)
            {
                if (!CheckPower(source, new JsonString(p.NameSpan, p.Name, null)))
                {
                    continue;
                }

                if (p.Value is not JsonString outcome)
                {
                    Report(DiagnosticDescriptors.WrongJsonType, source, p.Value.Span, "expect." + p.Name, "an outcome string", p.Value.KindPhrase);
                }
                else if (!OutcomeNames.TryParse(outcome.Value, out _))
                {
                    Report(DiagnosticDescriptors.InvalidValue, source, outcome.Span, outcome.Value, "outcome", "use one of " + string.Join(", ", OutcomeNames.All) + DidYouMean.Suffix(outcome.Value, OutcomeNames.All));
                }
                else
                {
                    expect[p.Name] = outcome.Value;
                }
            }

            var missing = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            if (item.ObjectProperty("missing", false) is { } missingNode)
            {
                foreach (var p in missingNode.Properties)
                {
                    if (!CheckPower(source, new JsonString(p.NameSpan, p.Name, null)))
                    {
                        continue;
                    }

                    if (p.Value is not JsonArray facts)
                    {
                        Report(DiagnosticDescriptors.WrongJsonType, source, p.Value.Span, "missing." + p.Name, "an array of fact names", p.Value.KindPhrase);
                        continue;
                    }

                    var knownFacts = new List<string>();
                    foreach (var f in item.StringItems(facts, "missing." + p.Name))
                    {
                        if (_schema.TryGet(f.Value, out _))
                        {
                            knownFacts.Add(f.Value);
                        }
                        else
                        {
                            Report(DiagnosticDescriptors.UnknownFact, source, f.Span, f.Value, DidYouMean.Suffix(f.Value, _schema.Names));
                        }
                    }

                    missing[p.Name] = knownFacts;
                }
            }

            cases.Add(new GoldenCase(name.Value, cite, query, expect, missing, At(source, name.Span)));
        }
    }

    private void CheckCaseQueries(RuleLibrary library, List<GoldenCase> cases)
    {
        foreach (var c in cases)
        {
            var errors = new List<QueryError>();
            QueryReader.Read(library, c.Query, errors);
            foreach (var error in errors)
            {
                if (error.Field == "designation" && c.Query.Find("designation")?.Value is JsonString designation && _droppedDesignations.Exists(d => d.Id == designation.Value))
                {
                    // The designation has its own error already; it is not also unknown to every case that uses it.
                    continue;
                }

                Report(DiagnosticDescriptors.InvalidQuery, c.Location.Source, Locate(c.Query, error.Field), error.ToString());
            }
        }
    }

    /// <summary>The span of a field path such as <c>facts.inUniform</c> or <c>designation.powers[1]</c> inside a query, or the query's brace.</summary>
    private static TextSpan Locate(JsonObject query, string field)
    {
        JsonNode current = query;
        TextSpan span = new(query.Span.Start, 1);
        foreach (string part in field.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            string name = part;
            int index = -1;
            int bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket > 0 && part.EndsWith(']') && int.TryParse(part.AsSpan(bracket + 1, part.Length - bracket - 2), out int parsed))
            {
                name = part[..bracket];
                index = parsed;
            }

            if (current is not JsonObject obj || obj.Find(name) is not { } property)
            {
                break;
            }

            span = property.NameSpan;
            current = property.Value;
            if (index >= 0 && current is JsonArray array && index < array.Items.Count)
            {
                current = array.Items[index];
                span = current.Span;
            }
        }

        return span;
    }
}
