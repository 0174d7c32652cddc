using System.Buffers;
using System.Text;
using System.Text.Json;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Hosting;

/// <summary>
/// The query a record keeps: the document as the caller gave it, every field included (an ad-hoc designation's
/// made day and restrictions, the rule set, the facts given as unknown), on one line. A query given as a typed
/// <see cref="Query"/> has no document, so one is written that the reader resolves to the same query.
/// </summary>
internal static class QueryDocument
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    // The document readers accept what the query reader accepted; the depth is only a guard.
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>The document as given, on one line: the same values and members in the same order, without insignificant white space.</summary>
    public static byte[] Compact(ReadOnlySpan<byte> utf8)
    {
        var buffer = new ArrayBufferWriter<byte>(utf8.Length);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Copy(WithoutByteOrderMark(utf8), w, insertRuleSet: null);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The document as given (a string), on one line.</summary>
    public static byte[] Compact(string text)
    {
        int length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> bytes = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            int written = Encoding.UTF8.GetBytes(text, bytes);
            return Compact(bytes[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The query document of a resolved query: date (or, without one, the rule set version), designation (an id,
    /// or force, powers, made day and restrictions) and the known facts.
    /// </summary>
    public static byte[] Of(Query query)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            if (query.Date is { } date)
            {
                w.WriteString("date", EffectiveRange.Format(date));
            }
            else if (query.Version is { } version)
            {
                w.WriteString("ruleset", version.Id);
            }

            WriteDesignation(w, query.Designation);
            WriteFacts(w, query.Situation);
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The document with <c>"ruleset"</c> set to <paramref name="ruleSet"/> when it names none, so that it is
    /// decided under the same version again; a document that names one keeps it.
    /// </summary>
    public static string WithRuleSet(ReadOnlySpan<byte> compact, string? ruleSet)
    {
        var buffer = new ArrayBufferWriter<byte>(compact.Length + 64);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            Copy(compact, w, ruleSet is not null && !NamesRuleSet(compact) ? ruleSet : null);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes a designation as a query gives it: the id of a stored one, or an ad-hoc one in full.</summary>
    public static void WriteDesignation(Utf8JsonWriter w, Designation designation)
    {
        if (designation.Id is { } id)
        {
            w.WriteString("designation", id);
            return;
        }

        w.WriteStartObject("designation");
        w.WriteString("force", designation.Force);
        WritePowers(w, designation.Powers);
        if (designation.Made is { } made)
        {
            w.WriteString("made", EffectiveRange.Format(made));
        }

        if (designation.Restrictions.Count > 0)
        {
            w.WriteStartArray("restrictions");
            foreach (var restriction in designation.Restrictions)
            {
                var clause = restriction.Clause;
                w.WriteStartObject();
                w.WriteString("id", clause.Id);
                w.WriteString("when", clause.ExpressionText);
                w.WriteString("text", clause.Text);
                if (clause.Cite.Length > 0)
                {
                    w.WriteString("cite", clause.Cite);
                }

                if (restriction.Powers is { } powers)
                {
                    WritePowers(w, powers);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    /// <summary>Writes the known facts of a situation by name, typed as the schema types them.</summary>
    public static void WriteFacts(Utf8JsonWriter w, Situation facts)
    {
        w.WritePropertyName("facts");
        WriteFactsObject(w, facts);
    }

    /// <summary>Writes the known facts as a JSON object on its own (a table's <c>facts</c> column).</summary>
    public static void WriteFactsObject(Utf8JsonWriter w, Situation facts)
    {
        w.WriteStartObject();
        foreach (var fact in facts.Schema.Facts)
        {
            if (!facts.IsKnown(fact.Index))
            {
                continue;
            }

            int value = facts.ValueAt(fact.Index);
            switch (fact.Kind)
            {
                case FactKind.Bool:
                    w.WriteBoolean(fact.Name, value != 0);
                    break;
                case FactKind.Int:
                    w.WriteNumber(fact.Name, value);
                    break;
                default:
                    w.WriteString(fact.Name, fact.FormatValue(value));
                    break;
            }
        }

        w.WriteEndObject();
    }

    private static void WritePowers(Utf8JsonWriter w, IReadOnlySet<string> powers)
    {
        w.WriteStartArray("powers");
        foreach (var power in powers.Order(StringComparer.Ordinal))
        {
            w.WriteStringValue(power);
        }

        w.WriteEndArray();
    }

    private static bool NamesRuleSet(ReadOnlySpan<byte> compact)
    {
        var reader = new Utf8JsonReader(compact, ReaderOptions);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("ruleset"u8))
            {
                return true;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= 1)
            {
                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>Copies a JSON document token by token (so without white space), optionally adding a rule set after the opening brace.</summary>
    private static void Copy(ReadOnlySpan<byte> json, Utf8JsonWriter w, string? insertRuleSet)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    w.WriteStartObject();
                    if (insertRuleSet is not null && reader.CurrentDepth == 0)
                    {
                        w.WriteString("ruleset", insertRuleSet);
                    }

                    break;
                case JsonTokenType.EndObject:
                    w.WriteEndObject();
                    break;
                case JsonTokenType.StartArray:
                    w.WriteStartArray();
                    break;
                case JsonTokenType.EndArray:
                    w.WriteEndArray();
                    break;
                case JsonTokenType.PropertyName:
                    if (reader.ValueIsEscaped)
                    {
                        w.WritePropertyName(reader.GetString()!);
                    }
                    else
                    {
                        w.WritePropertyName(reader.ValueSpan);
                    }

                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped)
                    {
                        w.WriteStringValue(reader.GetString());
                    }
                    else
                    {
                        w.WriteStringValue(reader.ValueSpan);
                    }

                    break;
                case JsonTokenType.Number:
                    // The number as written (12, 12.0, 1e1): the query reader judged that text, so it is kept.
                    w.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                    break;
                case JsonTokenType.True:
                    w.WriteBooleanValue(true);
                    break;
                case JsonTokenType.False:
                    w.WriteBooleanValue(false);
                    break;
                case JsonTokenType.Null:
                    w.WriteNullValue();
                    break;
                default:
                    break;
            }
        }
    }

    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? utf8[3..] : utf8;
}
