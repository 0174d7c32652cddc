using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Expressions;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>Assertions (<c>assertions/*.json</c>): what must hold over every situation, for <c>powers verify</c>.</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] AssertionProperties = ["id", "cite", "text", "from", "until", "designations", "powers", "when", "never", "only", "note"];

    private void ReadAssertions(SourceText source, JsonNode root, List<Assertion> assertions, IReadOnlyList<Designation> designations)
    {
        if (RootObject(source, root, "the assertion file", ["assertions"]) is not { } reader)
        {
            return;
        }

        var ids = new Dictionary<string, Location>(StringComparer.Ordinal);
        foreach (var a in assertions)
        {
            ids[a.Id] = a.Location;
        }

        foreach (var item in ObjectItems(reader, "assertions", "an assertion", AssertionProperties))
        {
            if (ReadAssertion(source, item, designations) is { } assertion && Unique(ids, source, item.String("id", false)!, "Assertion"))
            {
                assertions.Add(assertion);
            }
        }
    }

    private Assertion? ReadAssertion(SourceText source, JsonObjectReader item, IReadOnlyList<Designation> designations)
    {
        var id = item.String("id", true);
        string describe = "assertion '" + (id?.Value ?? "?") + "'";
        string? cite = item.StringValue("cite", false);
        string? text = item.StringValue("text", false);
        if (string.IsNullOrWhiteSpace(cite))
        {
            Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(item, "cite"), Capitalize(describe));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            Report(DiagnosticDescriptors.EmptyText, source, SpanOf(item, "text"), Capitalize(describe));
        }

        var fromNode = item.String("from", false);
        var untilNode = item.String("until", false);
        var from = ReadDate(source, fromNode);
        var until = ReadDate(source, untilNode);
        bool ok = (fromNode is null || from is not null) & (untilNode is null || until is not null);
        if (from is { } f && until is { } u && u < f)
        {
            Report(DiagnosticDescriptors.EmptyRange, source, untilNode!.Span, EffectiveRange.Format(u), EffectiveRange.Format(f));
            ok = false;
        }

        IReadOnlyList<string>? designationIds = null;
        if (item.Array("designations", false) is not null)
        {
            var known = new List<string>();
            foreach (var d in item.StringArray("designations", false))
            {
                if (designations.Any(x => x.Id == d.Value))
                {
                    known.Add(d.Value);
                }
                else
                {
                    Report(DiagnosticDescriptors.UnknownDesignation, source, d.Span, d.Value, DidYouMean.Suggest(d.Value, designations.Select(x => x.Id!)));
                    ok = false;
                }
            }

            designationIds = known;
        }

        IReadOnlyList<string>? powerIds = null;
        if (item.Array("powers", false) is not null)
        {
            var named = item.StringArray("powers", false);
            var known = KnownPowers(source, named);
            ok &= known.Count == named.Count;
            powerIds = [.. known];
        }

        var whenNode = item.String("when", false);
        BoundExpression when = new BoundConstant(default, BoundType.Bool, 1);
        if (whenNode is not null)
        {
            var syntax = ExpressionParser.Parse(whenNode, source, _diagnostics);
            when = syntax is ErrorSyntax
                ? new BoundError(syntax.Span)
                : new Binder(_schema, source, _schemaLoaded ? _diagnostics : new DiagnosticBag()).BindCondition(syntax);
            ok &= when is not BoundError;
        }

        var never = item.Array("never", false);
        var only = item.Array("only", false);
        if (id is not null && (never is null) == (only is null))
        {
            Report(DiagnosticDescriptors.AssertionOutcomes, source, id.Span, id.Value);
            ok = false;
        }

        var outcomes = new HashSet<Outcome>();
        foreach (var o in item.StringArray(never is not null ? "never" : "only", false))
        {
            if (OutcomeNames.TryParse(o.Value, out var outcome))
            {
                outcomes.Add(outcome);
            }
            else
            {
                Report(DiagnosticDescriptors.InvalidValue, source, o.Span, o.Value, "outcome", DidYouMean.Suggest(o.Value, OutcomeNames.All, "use one of " + string.Join(", ", OutcomeNames.All)));
                ok = false;
            }
        }

        if (id is null || !CheckId(source, id, "assertion id") || !ok)
        {
            return null;
        }

        return new Assertion(id.Value, cite ?? string.Empty, text ?? string.Empty, from, until, designationIds, powerIds, whenNode?.Value ?? "true", when, never is not null, outcomes, At(source, id.Span));
    }
}
