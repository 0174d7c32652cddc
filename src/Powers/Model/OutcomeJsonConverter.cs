using System.Text.Json;
using System.Text.Json.Serialization;

namespace Powers.Model;

/// <summary>System.Text.Json writes and reads an <see cref="Outcome"/> by its contract name (<c>not-in-force</c>), never as a number.</summary>
internal sealed class OutcomeJsonConverter : JsonConverter<Outcome>
{
    /// <inheritdoc />
    public override Outcome Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (name is not null && OutcomeNames.TryParse(name, out var outcome))
        {
            return outcome;
        }

        throw new JsonException("Expected an outcome name such as 'permitted', not " + (name is null ? reader.TokenType.ToString() : "'" + name + "'") + ".");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Outcome value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(OutcomeNames.Name(value));
    }
}
