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
                    Report(DiagnosticDescriptors.InvalidValue, source, outcome.Span, outcome.Value, "outcome", DidYouMean.Suggest(outcome.Value, OutcomeNames.All, "use one of " + string.Join(", ", OutcomeNames.All)));
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
                            Report(DiagnosticDescriptors.UnknownFact, source, f.Span, f.Value, DidYouMean.Suggest(f.Value, _schema.Names));
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

                if (error.Field == "ruleset" && c.Query.Find("ruleset")?.Value is JsonString named && named.Value.Split('@') is [var family, var version]
                    && ReportUnavailable(family, version, c.Location.Source, named.Span))
                {
                    continue;
                }

                // The reader's span points at the offending value inside the case's query; a missing part has none, so
                // the query's opening brace stands for it.
                Report(DiagnosticDescriptors.InvalidQuery, c.Location.Source, error.Span ?? new TextSpan(c.Query.Span.Start, 1), error.ToString());
            }
        }
    }
}
