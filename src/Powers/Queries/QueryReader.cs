using System.Globalization;
using Powers.Binding;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Model;
using Powers.Syntax;
using Powers.Syntax.Json;

namespace Powers.Queries;

/// <summary>
/// Reads a query document (domain.md) and resolves it against a library. Every mistake is a
/// <see cref="QueryError"/> naming the field; missing facts are unknown, not errors. Never throws on input.
/// </summary>
public static class QueryReader
{
    private static readonly string[] Properties = ["date", "designation", "ruleset", "facts", "power"];

    /// <summary>Parses and resolves a query from JSON text.</summary>
    public static Query? Parse(RuleLibrary library, string json, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(errors);
        var diagnostics = new DiagnosticBag();
        var node = JsonParser.Parse(new Powers.Text.SourceText("<query>", json), diagnostics);
        if (node is null)
        {
            foreach (var d in diagnostics.ToSortedList())
            {
                var at = d.Location?.Start;
                errors.Add(new QueryError(string.Empty, "malformed JSON" + (at is { } p ? " at (" + p.Line + "," + p.Column + ")" : string.Empty) + ": " + d.Message));
            }

            return null;
        }

        if (diagnostics.Count > 0)
        {
            // A duplicate property is ambiguous input: refuse it rather than guess which value was meant.
            foreach (var d in diagnostics.ToSortedList())
            {
                errors.Add(new QueryError(string.Empty, d.Message));
            }

            return null;
        }

        return Read(library, node, errors);
    }

    /// <summary>Resolves a parsed query document.</summary>
    public static Query? Read(RuleLibrary library, JsonNode node, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        int before = errors.Count;
        if (node is not JsonObject obj)
        {
            errors.Add(new QueryError(string.Empty, "a query must be a JSON object, not " + node.KindPhrase));
            return null;
        }

        foreach (var p in obj.Properties)
        {
            if (p.Name != "$schema" && Array.IndexOf(Properties, p.Name) < 0)
            {
                errors.Add(new QueryError(p.Name, "unknown property" + DidYouMean.Suffix(p.Name, Properties)));
            }
        }

        DateOnly? date = null;
        if (obj.Find("date")?.Value is { } dateNode)
        {
            date = ReadDate(dateNode, "date", errors);
        }

        string? ruleset = null;
        if (obj.Find("ruleset")?.Value is { } rulesetNode)
        {
            ruleset = rulesetNode is JsonString s ? s.Value : Wrong(errors, "ruleset", "a string such as 'pra2002-sch4@2012-07-10'", rulesetNode);
        }

        var version = ResolveVersion(library, ruleset, date, obj.Find("date") is not null, errors);
        var designation = obj.Find("designation")?.Value is { } designationNode
            ? ReadDesignation(library, designationNode, errors)
            : Missing(errors, "designation", "a designation id or { \"force\": ..., \"powers\": [...] } is required");
        var situation = new Situation(library.Schema);
        if (obj.Find("facts")?.Value is { } factsNode)
        {
            ReadFacts(library.Schema, factsNode, situation, errors);
        }

        if (obj.Find("power")?.Value is { } powerNode)
        {
            if (powerNode is JsonString power)
            {
                CheckPower(library, power.Value, "power", errors);
            }
            else
            {
                Wrong(errors, "power", "a power id", powerNode);
            }
        }

        return errors.Count > before || designation is null ? null : new Query(date, version, designation, situation);
    }

    /// <summary>Resolves the version of the law for a ruleset reference (<c>ID</c>, <c>ID@VERSION</c> or null) and a date.</summary>
    public static RuleSetVersion? ResolveVersion(RuleLibrary library, string? ruleset, DateOnly? date, bool dateGiven, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(errors);
        string? family = library.DefaultFamily;
        if (ruleset is not null)
        {
            int at = ruleset.IndexOf('@', StringComparison.Ordinal);
            family = at < 0 ? ruleset : ruleset[..at];
            if (!library.Families.Contains(family))
            {
                errors.Add(new QueryError("ruleset", "unknown rule set '" + family + "'" + DidYouMean.Suffix(family, library.Families)));
                return null;
            }

            if (at >= 0)
            {
                string versionId = ruleset[(at + 1)..];
                var version = library.FindVersion(family, versionId);
                if (version is null)
                {
                    var versions = library.Versions.Where(v => v.Family == family).Select(v => v.Version);
                    errors.Add(new QueryError("ruleset", "rule set '" + family + "' has no version '" + versionId + "'" + DidYouMean.Suffix(versionId, versions)));
                }
                else if (date is { } day && !version.Effective.Never && !version.Effective.Contains(day))
                {
                    // Deciding one version's law on a day it was not in force would answer with repealed law (a
                    // s.44 search "permitted" in 2019). The Bill, never in force, takes any date.
                    var inForce = library.VersionInForce(family, day);
                    string instead = inForce is null ? "no version is in force on that date" : "on that date " + inForce.Id + " is in force";
                    errors.Add(new QueryError("ruleset", "'date' " + EffectiveRange.Format(day) + " is outside the effective range of 'ruleset' " + version.Id + " (" + version.Effective + "); omit one of the two (" + instead + ")"));
                    return null;
                }

                return version;
            }
        }

        if (date is null)
        {
            if (!dateGiven)
            {
                errors.Add(new QueryError("date", "a date (YYYY-MM-DD) is required unless 'ruleset' names a version (ID@VERSION)"));
            }

            return null;
        }

        return family is null ? null : library.VersionInForce(family, date.Value);
    }

    /// <summary>Parses an ISO date, reporting the field on failure.</summary>
    public static DateOnly? ParseDate(string text, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new QueryError(field, "'" + text + "' is not a date; use YYYY-MM-DD, e.g. 2013-03-01"));
        return null;
    }

    /// <summary>Sets a fact from command-line text (<c>true</c>, <c>42</c>, <c>s47a</c>).</summary>
    public static void SetFactFromText(FactSchema schema, string name, string text, Situation situation, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(situation);
        ArgumentNullException.ThrowIfNull(errors);
        string field = "facts." + name;
        if (!schema.TryGet(name, out var fact))
        {
            errors.Add(new QueryError(field, schema.UnknownFact(name)));
            return;
        }

        switch (fact.Kind)
        {
            case FactKind.Bool when text is "true" or "false":
                situation.Store(fact.Index, text == "true" ? 1 : 0);
                return;
            case FactKind.Bool:
                errors.Add(new QueryError(field, "expected true or false, not '" + text + "'"));
                return;
            case FactKind.Int:
                if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
                {
                    SetInt(fact, value, field, situation, errors);
                }
                else
                {
                    errors.Add(new QueryError(field, "expected a whole number, not '" + text + "'"));
                }

                return;
            default:
                SetEnum(fact, text, field, situation, errors);
                return;
        }
    }

    private static void ReadFacts(FactSchema schema, JsonNode node, Situation situation, List<QueryError> errors)
    {
        if (node is not JsonObject facts)
        {
            Wrong(errors, "facts", "an object of fact names and values", node);
            return;
        }

        foreach (var p in facts.Properties)
        {
            string field = "facts." + p.Name;
            if (!schema.TryGet(p.Name, out var fact))
            {
                errors.Add(new QueryError(field, schema.UnknownFact(p.Name)));
                continue;
            }

            switch (fact.Kind, p.Value)
            {
                case (_, JsonNull):
                    break; // explicitly unknown
                case (FactKind.Bool, JsonBoolean b):
                    situation.Store(fact.Index, b.Value ? 1 : 0);
                    break;
                case (FactKind.Int, JsonNumber n):
                    if (n.TryGetInt32(out int value))
                    {
                        SetInt(fact, value, field, situation, errors);
                    }
                    else
                    {
                        errors.Add(new QueryError(field, "expected a whole number, not " + n.Text));
                    }

                    break;
                case (FactKind.Enum, JsonString s):
                    SetEnum(fact, s.Value, field, situation, errors);
                    break;
                default:
                    string expected = fact.Kind switch
                    {
                        FactKind.Bool => "true or false",
                        FactKind.Int => "a whole number",
                        _ => "one of '" + string.Join("', '", fact.Values) + "'",
                    };
                    Wrong(errors, field, expected + " (or null for unknown)", p.Value);
                    break;
            }
        }
    }

    private static void SetInt(FactSymbol fact, int value, string field, Situation situation, List<QueryError> errors)
    {
        if (value < fact.Min)
        {
            errors.Add(new QueryError(field, "must be " + fact.Min + " or more, not " + value));
            return;
        }

        situation.Store(fact.Index, value);
    }

    private static void SetEnum(FactSymbol fact, string text, string field, Situation situation, List<QueryError> errors)
    {
        int index = fact.IndexOfValue(text);
        if (index < 0)
        {
            errors.Add(new QueryError(field, fact.NotAValue(text)));
            return;
        }

        situation.Store(fact.Index, index);
    }

    private static Designation? ReadDesignation(RuleLibrary library, JsonNode node, List<QueryError> errors)
    {
        if (node is JsonString id)
        {
            if (library.TryGetDesignation(id.Value, out var designation))
            {
                return designation;
            }

            errors.Add(new QueryError("designation", "unknown designation '" + id.Value + "'" + DidYouMean.Suffix(id.Value, library.Designations.Select(d => d.Id!))));
            return null;
        }

        if (node is not JsonObject obj)
        {
            return Wrong<Designation>(errors, "designation", "a designation id or an object { \"force\": ..., \"powers\": [...] }", node);
        }

        int before = errors.Count;
        foreach (var p in obj.Properties)
        {
            if (p.Name is not ("force" or "powers" or "made" or "restrictions"))
            {
                errors.Add(new QueryError("designation." + p.Name, "unknown property" + DidYouMean.Suffix(p.Name, ["force", "powers", "made", "restrictions"])));
            }
        }

        DateOnly? made = obj.Find("made")?.Value is { } madeNode ? ReadDate(madeNode, "designation.made", errors) : null;

        string? force = null;
        switch (obj.Find("force")?.Value)
        {
            case null:
                errors.Add(new QueryError("designation.force", "an ad-hoc designation needs a force, e.g. \"kent\""));
                break;
            case JsonString f:
                force = f.Value;
                CheckForce(library, force, "designation.force", errors);
                break;
            case var other:
                Wrong(errors, "designation.force", "a force id", other);
                break;
        }

        var powers = new HashSet<string>(StringComparer.Ordinal);
        switch (obj.Find("powers")?.Value)
        {
            case null:
                errors.Add(new QueryError("designation.powers", "an ad-hoc designation needs a list of powers (it may be empty)"));
                break;
            case JsonArray array:
                for (int i = 0; i < array.Items.Count; i++)
                {
                    string field = "designation.powers[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (array.Items[i] is JsonString power)
                    {
                        if (CheckPower(library, power.Value, field, errors))
                        {
                            powers.Add(power.Value);
                        }
                    }
                    else
                    {
                        Wrong(errors, field, "a power id", array.Items[i]);
                    }
                }

                break;
            case var other:
                Wrong(errors, "designation.powers", "an array of power ids", other);
                break;
        }

        var restrictions = obj.Find("restrictions")?.Value is { } restrictionsNode
            ? QueryRestrictionReader.Read(library, restrictionsNode, errors)
            : [];
        return errors.Count > before || force is null ? null : Designation.AdHoc(force, powers, made, restrictions);
    }

    /// <summary>Checks a force id, reporting an unknown one with a suggestion.</summary>
    public static bool CheckForce(RuleLibrary library, string force, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(errors);
        if (library.TryGetForce(force, out _))
        {
            return true;
        }

        errors.Add(new QueryError(field, "unknown force '" + force + "'" + DidYouMean.Suffix(force, library.Forces.Select(f => f.Id))));
        return false;
    }

    /// <summary>Checks a power id, reporting an unknown one with a suggestion.</summary>
    public static bool CheckPower(RuleLibrary library, string power, string field, List<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(errors);
        if (library.IndexOfPower(power) >= 0)
        {
            return true;
        }

        errors.Add(new QueryError(field, "unknown power '" + power + "'" + DidYouMean.Suffix(power, library.Powers.Select(p => p.Id))));
        return false;
    }

    private static DateOnly? ReadDate(JsonNode node, string field, List<QueryError> errors)
    {
        if (node is JsonString s)
        {
            return ParseDate(s.Value, field, errors);
        }

        Wrong(errors, field, "a date string YYYY-MM-DD", node);
        return null;
    }

    private static T? Wrong<T>(List<QueryError> errors, string field, string expected, JsonNode node)
        where T : class
    {
        errors.Add(new QueryError(field, "expected " + expected + ", not " + node.KindPhrase));
        return null;
    }

    private static string? Wrong(List<QueryError> errors, string field, string expected, JsonNode node) => Wrong<string>(errors, field, expected, node);

    private static Designation? Missing(List<QueryError> errors, string field, string message)
    {
        errors.Add(new QueryError(field, message));
        return null;
    }
}
