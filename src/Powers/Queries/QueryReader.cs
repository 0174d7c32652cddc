using System.Globalization;
using Powers.Binding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Queries;

/// <summary>
/// Reads a query document (docs/contract.md): finds each value in the JSON tree and hands it, with its field and
/// span, to the <see cref="QueryResolver"/>, which gives it its meaning or its error. Every error carries the span
/// of the offending value (or property name) in the document. Missing facts are unknown, not errors. Never throws
/// on input.
/// </summary>
internal static class QueryReader
{
    /// <summary>Parses and resolves a query from JSON text; errors carry their span and line and column.</summary>
    public static QueryResult Read(RuleLibrary library, string json, string path = "<query>")
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(json);
        var source = new SourceText(path, json);
        var errors = new List<QueryError>();
        var query = Parse(library, source, errors);
        for (int i = 0; i < errors.Count; i++)
        {
            if (errors[i].Span is { } span)
            {
                errors[i] = errors[i].At(source.GetLinePosition(span.Start));
            }
        }

        return query is null ? QueryResult.Refused(errors) : QueryResult.Read(query);
    }

    /// <summary>Parses and resolves a query from JSON text; returns null and adds to <paramref name="errors"/> on bad input.</summary>
    public static Query? Parse(RuleLibrary library, string json, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = Read(library, json);
        errors.AddRange(result.Errors);
        return result.Query;
    }

    /// <summary>
    /// Resolves a parsed query document (a golden case's <c>query</c>); errors carry spans in the node's own source
    /// text, so a rule file's case can point at the exact value.
    /// </summary>
    public static Query? Read(RuleLibrary library, JsonNode node, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        var resolver = QueryResolver.For(library);
        int before = errors.Count;
        if (node is not JsonObject obj)
        {
            QueryResolver.Add(errors, QueryErrorDescriptors.WrongType, string.Empty, "a query must be a JSON object, not " + node.KindPhrase, node.Span);
            return null;
        }

        foreach (var p in obj.Properties)
        {
            if (p.Name != "$schema" && Array.IndexOf(QueryResolver.QueryProperties, p.Name) < 0)
            {
                QueryResolver.UnknownProperty(p.Name, p.Name, QueryResolver.QueryProperties, p.NameSpan, errors);
            }
        }

        DateOnly? date = obj.Find("date") is { } dateProperty ? QueryResolver.Date(QueryValue.Of(dateProperty.Value), "date", errors) : null;
        string? family = null;
        RuleSetVersion? named = null;
        bool rulesetKnown = true;
        var rulesetProperty = obj.Find("ruleset");
        if (rulesetProperty is not null)
        {
            rulesetKnown = resolver.Ruleset(QueryValue.Of(rulesetProperty.Value), "ruleset", errors, out family, out named);
        }

        var version = rulesetKnown
            ? resolver.Version(family, named, date, obj.Find("date") is not null, "date", "ruleset", rulesetProperty?.Value.Span, errors)
            : null;
        Designation? designation = null;
        if (obj.Find("designation")?.Value is { } designationNode)
        {
            designation = designationNode is JsonObject adHoc
                ? ReadAdHoc(resolver, adHoc, errors)
                : resolver.StoredDesignation(QueryValue.Of(designationNode), "designation", errors);
        }
        else
        {
            QueryResolver.Missing("designation", MissingPart.Designation, null, errors);
        }

        var situation = new Situation(library.Schema);
        if (obj.Find("facts")?.Value is { } factsNode)
        {
            ReadFacts(resolver, factsNode, situation, errors);
        }

        if (obj.Find("power")?.Value is { } powerNode)
        {
            resolver.Power(QueryValue.Of(powerNode), "power", errors);
        }

        return errors.Count > before || designation is null ? null : new Query(date, version, designation, situation);
    }

    /// <summary>Resolves the version of the law for a ruleset reference (<c>ID</c>, <c>ID@VERSION</c> or null) and a date.</summary>
    public static RuleSetVersion? ResolveVersion(RuleLibrary library, string? ruleset, DateOnly? date, bool dateGiven, List<QueryError> errors)
    {
        var resolver = QueryResolver.For(library);
        string? family = null;
        RuleSetVersion? named = null;
        if (ruleset is not null && !resolver.Ruleset(QueryValue.Name(ruleset), "ruleset", errors, out family, out named))
        {
            return null;
        }

        return resolver.Version(family, named, date, dateGiven, "date", "ruleset", null, errors);
    }

    /// <summary>Parses an ISO date, reporting the field on failure.</summary>
    public static DateOnly? ParseDate(string text, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        return QueryResolver.Date(QueryValue.Name(text), field, errors);
    }

    /// <summary>Sets a fact from command-line text (<c>true</c>, <c>42</c>, <c>s47a</c>, <c>null</c>), typed as the same text in JSON.</summary>
    public static void SetFactFromText(FactSchema schema, string name, string text, Situation situation, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        string field = "facts." + name;
        if (!schema.TryGet(name, out var fact))
        {
            QueryResolver.Add(errors, QueryErrorDescriptors.UnknownFact, field, schema.UnknownFact(name), null);
            return;
        }

        QueryResolver.SetFact(fact, QueryValue.Typed(text), field, situation, errors);
    }

    /// <summary>Checks a force id, reporting an unknown one with a suggestion.</summary>
    public static bool CheckForce(RuleLibrary library, string force, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(force);
        return QueryResolver.For(library).Force(QueryValue.Name(force), field, errors) is not null;
    }

    /// <summary>Checks a power id, reporting an unknown one with a suggestion.</summary>
    public static bool CheckPower(RuleLibrary library, string power, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(power);
        return QueryResolver.For(library).Power(QueryValue.Name(power), field, errors) >= 0;
    }

    private static Query? Parse(RuleLibrary library, SourceText source, List<QueryError> errors)
    {
        var diagnostics = new DiagnosticBag();
        var node = JsonParser.Parse(source, diagnostics);
        if (node is null)
        {
            foreach (var d in diagnostics.ToSortedList())
            {
                var span = d.Location?.Span;
                var at = d.Location?.Start;
                QueryResolver.Add(errors, QueryErrorDescriptors.MalformedJson, string.Empty, "malformed JSON" + (at is { } p ? " at " + p.ToString() : string.Empty) + ": " + d.Message, span);
            }

            return null;
        }

        if (diagnostics.Count > 0)
        {
            foreach (var d in diagnostics.ToSortedList())
            {
                if (d.Descriptor == DiagnosticDescriptors.DuplicateProperty && d.Location is { } location)
                {
                    // A duplicate is ambiguous input: refused, never guessed, and named by its field as flags name it.
                    QueryResolver.Duplicate(FieldOfDuplicate(node, location.Span, source.GetText(location.Span)), location.Span, errors);
                }
                else
                {
                    QueryResolver.Add(errors, QueryErrorDescriptors.MalformedJson, string.Empty, d.Message, d.Location?.Span);
                }
            }

            return null;
        }

        return Read(library, node, errors);
    }

    // The path of a duplicate property from its name's span: the deepest object or array that contains it, then the
    // name. The parser keeps only the first of two properties, so the walk finds the container, not the duplicate.
    private static string FieldOfDuplicate(JsonNode root, TextSpan nameSpan, string quotedName)
    {
        string name = JsonParser.Parse(new SourceText(string.Empty, quotedName), new DiagnosticBag()) is JsonString s ? s.Value : quotedName;
        string path = string.Empty;
        var current = root;
        while (true)
        {
            JsonNode? next = null;
            if (current is JsonObject obj)
            {
                foreach (var p in obj.Properties)
                {
                    // Stryker disable once Equality : a value's span starts after its own name and a container's ends at its bracket, so a name inside is never at either edge
                    if (p.Value.Span.Start <= nameSpan.Start && nameSpan.End <= p.Value.Span.End && p.Value is JsonObject or JsonArray)
                    {
                        path = path.Length == 0 ? p.Name : path + "." + p.Name;
                        next = p.Value;
                        break;
                    }
                }
            }
            else if (current is JsonArray array)
            {
                // Stryker disable once Equality : the walk enters an array only when the name is inside it, so an item holds it and the loop breaks before the end
                for (int i = 0; i < array.Items.Count; i++)
                {
                    var item = array.Items[i];
                    // Stryker disable once Equality : an item's span starts and ends at its brackets, so a name inside is never at either edge
                    if (item.Span.Start <= nameSpan.Start && nameSpan.End <= item.Span.End && item is JsonObject or JsonArray)
                    {
                        path += "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                        next = item;
                        break;
                    }
                }
            }

            if (next is null)
            {
                return path.Length == 0 ? name : path + "." + name;
            }

            current = next;
        }
    }

    private static void ReadFacts(QueryResolver resolver, JsonNode node, Situation situation, List<QueryError> errors)
    {
        if (node is not JsonObject facts)
        {
            QueryResolver.WrongShape("facts", "an object of fact names and values", QueryValue.Of(node), errors);
            return;
        }

        foreach (var p in facts.Properties)
        {
            string field = "facts." + p.Name;
            if (resolver.Fact(p.Name, field, p.NameSpan, errors) is { } fact)
            {
                QueryResolver.SetFact(fact, QueryValue.Of(p.Value), field, situation, errors);
            }
        }
    }

    /// <summary>An ad-hoc designation object (<c>force</c>, <c>powers</c>, <c>made</c>, <c>restrictions</c>).</summary>
    internal static Designation? ReadAdHoc(QueryResolver resolver, JsonObject obj, List<QueryError> errors)
    {
        int before = errors.Count;
        foreach (var p in obj.Properties)
        {
            if (Array.IndexOf(QueryResolver.DesignationProperties, p.Name) < 0)
            {
                QueryResolver.UnknownProperty("designation." + p.Name, p.Name, QueryResolver.DesignationProperties, p.NameSpan, errors);
            }
        }

        DateOnly? made = obj.Find("made")?.Value is { } madeNode ? QueryResolver.Date(QueryValue.Of(madeNode), "designation.made", errors) : null;
        Force? force = null;
        if (obj.Find("force")?.Value is { } forceNode)
        {
            force = resolver.Force(QueryValue.Of(forceNode), "designation.force", errors);
        }
        else
        {
            QueryResolver.Missing("designation.force", MissingPart.Force, obj.Span, errors);
        }

        var powers = new HashSet<string>(StringComparer.Ordinal);
        switch (obj.Find("powers")?.Value)
        {
            case null:
                QueryResolver.Missing("designation.powers", MissingPart.Powers, obj.Span, errors);
                break;
            case JsonArray array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    int index = resolver.Power(QueryValue.Of(array.Items[i]), "designation.powers[" + i.ToString(CultureInfo.InvariantCulture) + "]", errors);
                    if (index >= 0)
                    {
                        powers.Add(resolver.Library.Powers[index].Id);
                    }
                }

                break;
            case var other:
                QueryResolver.WrongShape("designation.powers", "an array of power ids", QueryValue.Of(other), errors);
                break;
        }

        var restrictions = obj.Find("restrictions")?.Value is { } restrictionsNode
            ? QueryRestrictionReader.Read(resolver, restrictionsNode, errors)
            : [];
        // Stryker disable once Logical : both callers (Read, CompactQueryReader.ReadWholeAdHoc) refuse the designation when errors were added
        return errors.Count > before || force is null ? null : Designation.AdHoc(force.Id, powers, made, restrictions);
    }
}
