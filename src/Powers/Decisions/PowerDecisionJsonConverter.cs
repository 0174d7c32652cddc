using System.Text.Json;
using System.Text.Json.Serialization;

namespace Powers.Decisions;

/// <summary>
/// System.Text.Json writes a <see cref="PowerDecision"/> as its entry of the decision document (docs/contract.md), the
/// same object <see cref="DecisionJsonConverter"/> writes inside <c>decisions</c>, rather than the plan, clauses and
/// library behind it. Not read back.
/// </summary>
internal sealed class PowerDecisionJsonConverter : JsonConverter<PowerDecision>
{
    /// <inheritdoc />
    public override PowerDecision Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("A power's decision is written, not read: read the query and decide it instead.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PowerDecision value, JsonSerializerOptions options) => DecisionJsonWriter.Write(writer, value);
}
