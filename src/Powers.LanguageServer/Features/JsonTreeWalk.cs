using Powers.Syntax.Json;

namespace Powers.LanguageServer.Features;

/// <summary>Every property of a parsed rule file, depth first, for the features that look for a key anywhere.</summary>
internal static class JsonTreeWalk
{
    /// <summary>An explicit stack: the parser bounds depth, but a walk over author input does not rely on that.</summary>
    public static IEnumerable<JsonProperty> Properties(JsonNode root)
    {
        var stack = new Stack<JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonArray array:
                    foreach (var item in array.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case JsonObject obj:
                    foreach (var p in obj.Properties)
                    {
                        yield return p;
                        stack.Push(p.Value);
                    }

                    break;
            }
        }
    }
}
