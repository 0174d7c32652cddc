using System.Text.Json;
using System.Text.Json.Serialization;

namespace Powers.Hosting;

/// <summary>
/// System.Text.Json writes a <see cref="PowersAnswer"/> as <see cref="PowersAnswer.ToJson"/> does: the decision
/// document, or <c>{"errors": [...]}</c>. So a minimal API can return <c>Results.Ok(answer)</c>. Not read back.
/// </summary>
public sealed class PowersAnswerJsonConverter : JsonConverter<PowersAnswer>
{
    /// <inheritdoc />
    public override PowersAnswer Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("An answer is written, not read.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PowersAnswer value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer);
    }
}
