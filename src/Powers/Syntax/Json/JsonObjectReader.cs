using Powers.Diagnostics;
using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>
/// Typed access to the properties of one JSON object, reporting unknown properties (with "did you mean"),
/// missing required ones and wrong JSON types as diagnostics at the exact token.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly DiagnosticBag _diagnostics;

    /// <summary>Wraps an object and reports every property not in <paramref name="allowed"/> (<c>$schema</c> is always allowed).</summary>
    public JsonObjectReader(JsonObject obj, SourceText source, DiagnosticBag diagnostics, string what, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(allowed);
        Object = obj;
        Source = source;
        _diagnostics = diagnostics;
        What = what;
        foreach (var p in obj.Properties)
        {
            if (p.Name != "$schema" && !allowed.Contains(p.Name))
            {
                diagnostics.Report(DiagnosticDescriptors.UnknownProperty, source, p.NameSpan, p.Name, what, DidYouMean.Suggest(p.Name, allowed));
            }
        }
    }

    /// <summary>The object read.</summary>
    public JsonObject Object { get; }

    /// <summary>The file.</summary>
    public SourceText Source { get; }

    /// <summary>What the object is, for messages: "the rule set", "clause 'uniform'".</summary>
    public string What { get; }

    /// <summary>The span of the object's opening brace, where a missing property is reported.</summary>
    public TextSpan OpeningBrace => new(Object.Span.Start, 1);

    /// <summary>A property value of any type, reporting its absence when required.</summary>
    public JsonNode? Get(string name, bool required)
    {
        var property = Object.Find(name);
        if (property is null && required)
        {
            _diagnostics.Report(DiagnosticDescriptors.MissingProperty, Source, OpeningBrace, Capitalize(What), name);
        }

        return property?.Value;
    }

    /// <summary>A string property.</summary>
    public JsonString? String(string name, bool required) => Typed<JsonString>(name, required, "a string");

    /// <summary>A string property's value, or null.</summary>
    public string? StringValue(string name, bool required) => String(name, required)?.Value;

    /// <summary>An object property.</summary>
    public JsonObject? ObjectProperty(string name, bool required) => Typed<JsonObject>(name, required, "an object");

    /// <summary>An array property.</summary>
    public JsonArray? Array(string name, bool required) => Typed<JsonArray>(name, required, "an array");

    /// <summary>A boolean property's value.</summary>
    public bool? Bool(string name, bool required) => Typed<JsonBoolean>(name, required, "true or false")?.Value;

    /// <summary>An integer property's value, at least <paramref name="min"/>.</summary>
    public int? Int(string name, bool required, int min)
    {
        var number = Typed<JsonNumber>(name, required, "an integer");
        if (number is null)
        {
            return null;
        }

        if (!number.TryGetInt32(out int value) || value < min)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidValue, Source, number.Span, number.Text, name, "an integer of at least " + min + " is required");
            return null;
        }

        return value;
    }

    /// <summary>An array of strings; items of another type are reported and skipped.</summary>
    public IReadOnlyList<JsonString> StringArray(string name, bool required)
    {
        var array = Array(name, required);
        if (array is null)
        {
            return [];
        }

        return StringItems(array, name);
    }

    /// <summary>The string items of an array; other items are reported and skipped.</summary>
    public IReadOnlyList<JsonString> StringItems(JsonArray array, string name)
    {
        ArgumentNullException.ThrowIfNull(array);
        var result = new List<JsonString>(array.Items.Count);
        foreach (var item in array.Items)
        {
            if (item is JsonString s)
            {
                result.Add(s);
            }
            else
            {
                _diagnostics.Report(DiagnosticDescriptors.WrongJsonType, Source, item.Span, name + "[]", "a string", item.KindPhrase);
            }
        }

        return result;
    }

    /// <summary>Reports that a value of this property has the wrong JSON type.</summary>
    public void ReportWrongType(string name, JsonNode node, string expected)
    {
        ArgumentNullException.ThrowIfNull(node);
        _diagnostics.Report(DiagnosticDescriptors.WrongJsonType, Source, node.Span, name, expected, node.KindPhrase);
    }

    private T? Typed<T>(string name, bool required, string expected)
        where T : JsonNode
    {
        var node = Get(name, required);
        if (node is null)
        {
            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        ReportWrongType(name, node, expected);
        return null;
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
