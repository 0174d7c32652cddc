using System.Text.Json;
using NewtonsoftWriter = Newtonsoft.Json.JsonWriter;
using NewtonsoftToken = Newtonsoft.Json.JsonToken;

namespace Powers.Decisions;

/// <summary>
/// Lets the one writer of decision documents (<see cref="DecisionJsonWriter"/>, written against Newtonsoft's
/// <see cref="NewtonsoftWriter"/>) write to a System.Text.Json <see cref="Utf8JsonWriter"/>, so both serializers
/// give the same document without a second copy of the contract. Implements only the calls the writers make; any
/// other throws rather than silently dropping output.
/// </summary>
internal sealed class Utf8JsonWriterAdapter(Utf8JsonWriter target) : NewtonsoftWriter
{
    public override void WriteStartObject()
    {
        base.WriteStartObject();
        target.WriteStartObject();
    }

    public override void WriteStartArray()
    {
        base.WriteStartArray();
        target.WriteStartArray();
    }

    public override void WritePropertyName(string name)
    {
        base.WritePropertyName(name);
        target.WritePropertyName(name);
    }

    public override void WriteNull()
    {
        base.WriteNull();
        target.WriteNullValue();
    }

    public override void WriteValue(string? value)
    {
        base.WriteValue(value);
        if (value is null)
        {
            target.WriteNullValue();
        }
        else
        {
            target.WriteStringValue(value);
        }
    }

    public override void WriteValue(int value)
    {
        base.WriteValue(value);
        target.WriteNumberValue(value);
    }

    public override void WriteValue(long value)
    {
        base.WriteValue(value);
        target.WriteNumberValue(value);
    }

    public override void WriteValue(bool value)
    {
        base.WriteValue(value);
        target.WriteBooleanValue(value);
    }

    public override void WriteValue(object? value) => throw new NotSupportedException("The decision writers write no untyped values.");

    public override void Flush()
    {
        // The serializer that owns the target flushes it.
    }

    protected override void WriteEnd(NewtonsoftToken token)
    {
        switch (token)
        {
            case NewtonsoftToken.EndObject:
                target.WriteEndObject();
                break;
            case NewtonsoftToken.EndArray:
                target.WriteEndArray();
                break;
            default:
                throw new NotSupportedException("Unexpected end token " + token + ".");
        }
    }
}
