using System.Text.Json;
using System.Text.Json.Serialization;

namespace Powers.Decisions;

/// <summary>
/// System.Text.Json writes a <see cref="Decision"/> as the decision document of docs/contract.md (the same bytes as
/// <see cref="DecisionJsonWriter"/>), so <c>JsonSerializer.Serialize(decision)</c> and ASP.NET Core's
/// <c>Results.Ok(decision)</c> give the contract, not the plan and library behind it. Decisions are not read back.
/// </summary>
internal sealed class DecisionJsonConverter : JsonConverter<Decision>
{
    /// <inheritdoc />
    public override Decision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A decision is written, not read: read the query and decide it instead.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Decision value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        DecisionJsonWriter.Write(writer, value);
    }
}
