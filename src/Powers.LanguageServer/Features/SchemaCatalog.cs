using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Powers.Diagnostics;
using Powers.LanguageServer.Analysis;
using Powers.Syntax;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.LanguageServer.Features;

/// <summary>
/// The JSON Schemas of <c>rules/schema</c>, read with the compiler's JSON parser: which properties an object may
/// have at a path, and what each means. A document names its schema in <c>$schema</c>; without one, its role picks
/// one. Supports the parts the shipped schemas use: properties, additionalProperties, patternProperties, items,
/// local <c>$ref</c>, and oneOf/anyOf/allOf.
/// </summary>
internal sealed partial class SchemaCatalog
{
    private const int MaxSteps = 16;
    private readonly ConcurrentDictionary<string, (DateTime Written, JsonNode? Root)> _cache = new(StringComparer.Ordinal);

    public string? Describe(SourceText source, SymbolOccurrence property)
    {
        var schema = Load(source);
        if (schema is null)
        {
            return null;
        }

        var path = string.IsNullOrEmpty(property.Scope) ? [] : property.Scope.Split('/');
        foreach (var candidate in Step(schema, Navigate(schema, path), property.Name))
        {
            if (JsonNodes.String(candidate, "description") is { } description)
            {
                return "**" + property.Name + "**: " + description;
            }
        }

        return null;
    }

    /// <summary>The properties an object at a path may have, with their descriptions.</summary>
    public IReadOnlyList<(string Name, string? Description)> PropertiesAt(SourceText source, IReadOnlyList<string> path)
    {
        var schema = Load(source);
        var result = new List<(string, string?)>();
        if (schema is null)
        {
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in Navigate(schema, path))
        {
            if (JsonNodes.Get(node, "properties") is JsonObject properties)
            {
                foreach (var p in properties.Properties)
                {
                    if (p.Name != "$schema" && seen.Add(p.Name))
                    {
                        result.Add((p.Name, JsonNodes.String(Resolve(schema, p.Value), "description")));
                    }
                }
            }
        }

        return result;
    }

    private static List<JsonNode> Navigate(JsonNode schema, IReadOnlyList<string> path)
    {
        var current = Expand(schema, [schema]);
        foreach (string segment in path.Take(64))
        {
            current = Step(schema, current, segment);
        }

        return current;
    }

    private static List<JsonNode> Step(JsonNode schema, List<JsonNode> nodes, string segment)
    {
        var next = new List<JsonNode>();
        foreach (var node in nodes)
        {
            if (segment == "[]")
            {
                Add(next, JsonNodes.Get(node, "items"));
                continue;
            }

            if (JsonNodes.Get(JsonNodes.Get(node, "properties"), segment) is { } property)
            {
                Add(next, property);
                continue;
            }

            Add(next, JsonNodes.Get(node, "additionalProperties") as JsonObject);
            if (JsonNodes.Get(node, "patternProperties") is JsonObject patterns)
            {
                foreach (var p in patterns.Properties)
                {
                    Add(next, p.Value);
                }
            }
        }

        return Expand(schema, next);

        static void Add(List<JsonNode> list, JsonNode? node)
        {
            if (node is not null)
            {
                list.Add(node);
            }
        }
    }

    /// <summary>Resolves references and opens oneOf/anyOf/allOf branches, a bounded number of times.</summary>
    private static List<JsonNode> Expand(JsonNode schema, List<JsonNode> nodes)
    {
        var result = new List<JsonNode>();
        var queue = new Queue<JsonNode>(nodes);
        int steps = 0;
        while (queue.Count > 0 && steps++ < MaxSteps * 4)
        {
            var node = Resolve(schema, queue.Dequeue());
            if (node is null)
            {
                continue;
            }

            result.Add(node);
            foreach (string combinator in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (JsonNodes.Get(node, combinator) is JsonArray branches)
                {
                    foreach (var branch in branches.Items)
                    {
                        queue.Enqueue(branch);
                    }
                }
            }
        }

        return result;
    }

    private static JsonNode? Resolve(JsonNode schema, JsonNode? node)
    {
        for (int i = 0; i < MaxSteps && JsonNodes.String(node, "$ref") is { } reference; i++)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal))
            {
                return null;
            }

            JsonNode? target = schema;
            foreach (string part in reference[2..].Split('/'))
            {
                target = JsonNodes.Get(target, part);
            }

            node = target;
        }

        return node;
    }

    private JsonNode? Load(SourceText source)
    {
        string? directory = Path.GetDirectoryName(source.Path);
        if (directory is null)
        {
            return null;
        }

        var named = SchemaProperty().Match(source.Text);
        string? path = named.Success ? Path.GetFullPath(Path.Combine(directory, named.Groups[1].Value)) : null;
        // A '$schema' may name a FIFO or a device: never opened (it would block or never end).
        if (path is null || !File.Exists(path) || Compilation.EntryKinds.Of(path) != Compilation.EntryKind.Regular)
        {
            return null;
        }

        try
        {
            var written = File.GetLastWriteTimeUtc(path);
            if (_cache.TryGetValue(path, out var cached) && cached.Written == written)
            {
                return cached.Root;
            }

            byte[] bytes;
            using (var stream = File.OpenRead(path))
            {
                bytes = SourceLoader.ReadCapped(stream);
            }

            var bag = new DiagnosticBag();
            var text = SourceLoader.Decode(path, bytes, bag);
            var root = text is null ? null : JsonParser.Parse(text, bag);
            _cache[path] = (written, root);
            return root;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("\"\\$schema\"\\s*:\\s*\"([^\"\\\\]*)\"")]
    private static partial Regex SchemaProperty();
}
