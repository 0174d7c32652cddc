using Powers.Text;

namespace Powers.Syntax.Json;

/// <summary>A name and value in a JSON object.</summary>
/// <param name="Name">The property name, unescaped.</param>
/// <param name="NameSpan">The span of the name, including its quotes.</param>
/// <param name="Value">The value.</param>
internal sealed record JsonProperty(string Name, TextSpan NameSpan, JsonNode Value);
