using System.Globalization;
using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Expressions;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Queries;

/// <summary>
/// Reads the <c>restrictions</c> of an ad-hoc designation in a query: the conditions the chief officer attached
/// (PRA s.38(7)), and the matters set out for reasonable force (Sch. 4 para. 4(1)(b), (3)). The same expression
/// language, parser and binder as the rule files; a mistake is a query error naming the field, never an exception.
/// </summary>
internal static class QueryRestrictionReader
{
    private static readonly string[] Properties = ["id", "when", "text", "cite", "powers"];

    public static List<Restriction> Read(QueryResolver resolver, JsonNode node, List<QueryError> errors)
    {
        var result = new List<Restriction>();
        if (node is not JsonArray array)
        {
            QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, "designation.restrictions", "must be an array of { \"id\", \"when\", \"text\", \"powers\" }, not " + node.KindPhrase, node.Span);
            return result;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < array.Items.Count; i++)
        {
            string field = "designation.restrictions[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (array.Items[i] is not JsonObject obj)
            {
                QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, field, "must be an object { \"id\", \"when\", \"text\", \"powers\" }, not " + array.Items[i].KindPhrase, array.Items[i].Span);
                continue;
            }

            if (ReadOne(resolver, obj, field, errors) is { } restriction)
            {
                if (!ids.Add(restriction.Clause.Id))
                {
                    QueryResolver.Add(errors, QueryErrorDescriptors.DuplicateRestrictionId, field + ".id", "'" + restriction.Clause.Id + "' is the id of an earlier restriction", obj.Find("id")?.Value.Span);
                    continue;
                }

                result.Add(restriction);
            }
        }

        return result;
    }

    private static Restriction? ReadOne(QueryResolver resolver, JsonObject obj, string field, List<QueryError> errors)
    {
        var library = resolver.Library;
        int before = errors.Count;
        foreach (var p in obj.Properties)
        {
            if (Array.IndexOf(Properties, p.Name) < 0)
            {
                QueryResolver.UnknownProperty(field + "." + p.Name, p.Name, Properties, p.NameSpan, errors);
            }
        }

        string? id = RequiredString(obj, "id", field, errors);
        string? when = RequiredString(obj, "when", field, errors);
        string? text = RequiredString(obj, "text", field, errors);
        string cite = obj.Find("cite")?.Value is JsonString c ? c.Value : string.Empty;
        IReadOnlySet<string>? powers = null;
        if (obj.Find("powers")?.Value is { } powersNode)
        {
            powers = ReadPowers(resolver, powersNode, field + ".powers", errors);
        }

        if (errors.Count > before || id is null || when is null || text is null)
        {
            return null;
        }

        // The expression is parsed on its own, so a mistake is reported by its column within the expression.
        var source = new SourceText(field + ".when", "\"" + when + "\"");
        // Stryker disable once Arithmetic : a JsonString without escape offsets reads only its span's start, never its length
        var origin = new JsonString(new TextSpan(0, when.Length + 2), when, null);
        var bag = new DiagnosticBag();
        var syntax = ExpressionParser.Parse(origin, source, bag);
        var bound = bag.Count == 0 ? new Binder(library.Schema, source, bag, library.Powers.Select(p => p.Id).ToArray()).BindCondition(syntax) : new BoundError(syntax.Span);
        if (bag.Count > 0)
        {
            foreach (var d in bag.ToSortedList())
            {
                int column = d.Location is { } at ? Math.Max(1, at.Span.Start) : 1;
                QueryResolver.Add(errors, QueryErrorDescriptors.InvalidCondition, field + ".when", d.Message + " (" + d.Id + ", column " + column.ToString(CultureInfo.InvariantCulture) + " of the expression)", obj.Find("when")?.Value.Span);
            }

            return null;
        }

        var clause = new Clause(id, when, bound, cite, text, Confidence.High, null, ClauseOrigin.Restriction, new Location(source, new TextSpan(1, when.Length)));
        return new Restriction(clause, powers);
    }

    private static string? RequiredString(JsonObject obj, string name, string field, List<QueryError> errors)
    {
        switch (obj.Find(name)?.Value)
        {
            case JsonString s when !string.IsNullOrWhiteSpace(s.Value):
                return s.Value;
            case null:
                QueryResolver.Add(errors, QueryErrorDescriptors.Missing, field + "." + name, "is required", obj.Span);
                return null;
            case JsonString blank:
                QueryResolver.Add(errors, QueryErrorDescriptors.Missing, field + "." + name, "is required", blank.Span);
                return null;
            case var other:
                QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, field + "." + name, "must be a string, not " + other.KindPhrase, other.Span);
                return null;
        }
    }

    private static HashSet<string>? ReadPowers(QueryResolver resolver, JsonNode node, string field, List<QueryError> errors)
    {
        if (node is not JsonArray array)
        {
            QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, field, "must be an array of power ids, not " + node.KindPhrase, node.Span);
            return null;
        }

        var powers = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < array.Items.Count; i++)
        {
            string item = field + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (array.Items[i] is JsonString power && resolver.Power(QueryValue.Of(power), item, errors) >= 0)
            {
                powers.Add(power.Value);
            }
            else if (array.Items[i] is not JsonString)
            {
                QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, item, "must be a power id, not " + array.Items[i].KindPhrase, array.Items[i].Span);
            }
        }

        return powers;
    }
}
