using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// A plan's decision documents as UTF-8, encoded once per plan and encoder: everything that does not depend on the
/// facts (titles, citations, clause texts, notes, the plan's own <c>uncertain</c> readings), cut at the places where
/// something does (an outcome, a confidence, a clause's status, the missing facts, a residual). A piece that depends
/// on a status is kept once per status, so a document is a sequence of copies. The pieces are what
/// <see cref="DecisionJsonWriter"/>'s reference writer writes, escaped as a <see cref="Utf8JsonWriter"/> with the
/// same encoder escapes them (tested byte for byte against it).
/// </summary>
internal sealed class DocumentBytes
{
    public DocumentBytes(DecisionPlan plan, JavaScriptEncoder? encoder)
    {
        Encoder = encoder;
        var b = new Builder(encoder);
        b.Raw("\"ruleset\":");
        if (plan.Version is { } version)
        {
            b.Raw("{\"id\":").Str(version.Family).Raw(",\"version\":").Str(version.Version).Raw(",\"revision\":").Raw(version.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Raw(",\"sha256\":").Str(version.Sha256).Raw(",\"title\":").Str(version.Title).Raw("}");
        }
        else
        {
            b.Raw("null");
        }

        Ruleset = b.Take();
        var designation = plan.Designation;
        if (designation.Id is { } id)
        {
            DesignationPrefix = b.Raw("\"designation\":").Str(id).Take();
        }
        else
        {
            b.Raw("\"designation\":{\"force\":").Str(designation.Force).Raw(",\"powers\":[");
            bool first = true;
            foreach (string power in designation.Powers.Order(StringComparer.Ordinal))
            {
                b.Raw(first ? string.Empty : ",").Str(power);
                first = false;
            }

            DesignationPrefix = b.Raw("]").Take();
        }

        var facts = plan.Library.Schema.Facts;
        FactNames = new byte[facts.Count][];
        for (int f = 0; f < facts.Count; f++)
        {
            FactNames[f] = b.Str(facts[f].Name).Take();
        }

        PowerIds = new byte[plan.PowerArray.Length][];
        for (int p = 0; p < PowerIds.Length; p++)
        {
            PowerIds[p] = b.Str(plan.PowerArray[p].Power.Id).Take();
        }

        Powers = new PowerBytes[plan.PowerArray.Length];
        for (int p = 0; p < Powers.Length; p++)
        {
            Powers[p] = new PowerBytes(plan, plan.PowerArray[p], b);
        }
    }

    /// <summary>The encoder the pieces were escaped with (null: System.Text.Json's default).</summary>
    public JavaScriptEncoder? Encoder { get; }

    /// <summary><c>"ruleset":{...}</c> or <c>"ruleset":null</c>.</summary>
    public byte[] Ruleset { get; }

    /// <summary>
    /// For the plan's designation: <c>"designation":"id"</c>, or for an ad-hoc one <c>"designation":{"force":...,"powers":[...]</c>
    /// (without its made day and closing brace, which differ between decisions sharing the plan).
    /// </summary>
    public byte[] DesignationPrefix { get; }

    /// <summary>Each fact's name as a JSON string, by fact index.</summary>
    public byte[][] FactNames { get; }

    /// <summary>Each power's id as a JSON string, in catalogue order.</summary>
    public byte[][] PowerIds { get; }

    /// <summary>Each power's pieces, in catalogue order.</summary>
    public PowerBytes[] Powers { get; }

    /// <summary>The pieces of one power's entry of <c>decisions</c>, at full and reasons detail.</summary>
    internal sealed class PowerBytes
    {
        public PowerBytes(DecisionPlan plan, PowerPlan power, Builder b)
        {
            string title = power.Rule?.Title ?? power.Power.Title;
            string? cite = power.Rule?.Cite;
            FullHead = new byte[5][];
            ReasonsHead = new byte[5][];
            foreach (var outcome in Enum.GetValues<Outcome>())
            {
                b.Raw("{\"power\":").Str(power.Power.Id).Raw(",\"title\":").Str(title).Raw(",\"outcome\":").Str(OutcomeNames.Name(outcome));
                if (cite is not null)
                {
                    b.Raw(",\"cite\":").Str(cite);
                }

                if (power.Reason is { } reason)
                {
                    b.Raw(",\"reason\":").Str(reason);
                }

                FullHead[(int)outcome] = b.Raw(",\"confidence\":\"").Take();
                b.Raw("{\"power\":").Str(power.Power.Id).Raw(",\"outcome\":").Str(OutcomeNames.Name(outcome));
                if (cite is not null)
                {
                    b.Raw(",\"cite\":").Str(cite);
                }

                ReasonsHead[(int)outcome] = b.Raw(",\"confidence\":\"").Take();
            }

            bool first = true;
            foreach (var reading in power.Uncertain)
            {
                b.Raw(first ? string.Empty : ",");
                Reading(b, reading);
                first = false;
            }

            PlanReadings = b.Take();
            b.Raw("]");
            if (power.Rule is { Confidence: Confidence.Low } rule)
            {
                b.Raw(",\"note\":").Str(rule.Note);
            }

            ClausesOpen = b.Raw(",\"clauses\":[").Take();
            int count = power.ClauseIndices.Length;
            FullClause = new byte[count][][];
            ReasonsClause = new byte[count][][];
            for (int k = 0; k < count; k++)
            {
                var clause = plan.ClauseArray[power.ClauseIndices[k]];
                FullClause[k] = new byte[4][];
                ReasonsClause[k] = new byte[4][];
                foreach (var status in new[] { Tri.True, Tri.False, Tri.Unknown })
                {
                    b.Raw("{\"id\":").Str(clause.Id).Raw(",\"status\":").Str(TriLogic.StatusName(status));
                    ReasonsClause[k][(int)status] = b.Raw("}").Take();
                    b.Raw("{\"id\":").Str(clause.Id).Raw(",\"status\":").Str(TriLogic.StatusName(status))
                        .Raw(",\"cite\":").Str(clause.Cite).Raw(",\"text\":").Str(clause.Text).Raw(",\"when\":").Str(clause.ExpressionText);
                    if (clause.Origin == ClauseOrigin.Restriction)
                    {
                        b.Raw(",\"origin\":\"designation\"");
                    }

                    if (clause.Confidence == Confidence.Low)
                    {
                        b.Raw(",\"confidence\":\"low\",\"note\":").Str(clause.Note);
                    }

                    FullClause[k][(int)status] = b.Raw("}").Take();
                }
            }

            // Each clause position has two reading slots (Certainty.Contributions): 2k its own, 2k + 1 its open question.
            // A reading is written once (Certainty.Readings drops repeats): each slot names the first slot with the
            // same reading, or -1 when the plan's own readings already hold it.
            int slots = Math.Min(2 * count, 64);
            SlotReading = new byte[slots][];
            SlotGroup = new int[slots];
            var readings = new UncertainReading?[slots];
            for (int slot = 0; slot < slots; slot++)
            {
                var clause = plan.ClauseArray[power.ClauseIndices[slot / 2]];
                var reading = slot % 2 == 0 ? (clause.Confidence == Confidence.Low ? Certainty.Own(clause) : null) : Certainty.Open(power, clause);
                readings[slot] = reading;
                SlotReading[slot] = [];
                SlotGroup[slot] = -1;
                if (reading is null)
                {
                    continue;
                }

                Reading(b, reading);
                SlotReading[slot] = b.Take();
                if (!power.Uncertain.Contains(reading))
                {
                    SlotGroup[slot] = Array.IndexOf(readings, reading);
                }
            }
        }

        /// <summary>By outcome: the entry up to the confidence's value (<c>{"power":...,"confidence":"</c>).</summary>
        public byte[][] FullHead { get; }

        /// <summary>The plan's own readings, comma-separated (the start of <c>uncertain</c>).</summary>
        public byte[] PlanReadings { get; }

        /// <summary><c>]</c>, the rule's note when low, and <c>,"clauses":[</c>.</summary>
        public byte[] ClausesOpen { get; }

        /// <summary>By clause position and status: the clause's whole object.</summary>
        public byte[][][] FullClause { get; }

        /// <summary>By reading slot (2k a clause's own, 2k + 1 its open question): <c>{"cite":...,"note":...}</c>, or empty.</summary>
        public byte[][] SlotReading { get; }

        /// <summary>By reading slot: the first slot with the same reading (its own when first), or -1 when the plan's readings hold it.</summary>
        public int[] SlotGroup { get; }

        /// <summary>By outcome: the reasons entry up to the confidence's value.</summary>
        public byte[][] ReasonsHead { get; }

        /// <summary>By clause position and status: <c>{"id":...,"status":...}</c>.</summary>
        public byte[][][] ReasonsClause { get; }

        private static void Reading(Builder b, UncertainReading reading) =>
            b.Raw("{\"cite\":").Str(reading.Cite).Raw(",\"note\":").Str(reading.Note).Raw("}");
    }

    /// <summary>Builds pieces: ASCII as is, strings escaped with the encoder.</summary>
    internal sealed class Builder(JavaScriptEncoder? encoder)
    {
        private readonly ArrayBufferWriter<byte> _bytes = new(1024);

        public Builder Raw(string ascii)
        {
            int n = Encoding.UTF8.GetBytes(ascii, _bytes.GetSpan(ascii.Length));
            _bytes.Advance(n);
            return this;
        }

        public Builder Str(string? value)
        {
            if (value is null)
            {
                return Raw("null");
            }

            Raw("\"");
            var encoded = JsonEncodedText.Encode(value, encoder).EncodedUtf8Bytes;
            encoded.CopyTo(_bytes.GetSpan(encoded.Length));
            _bytes.Advance(encoded.Length);
            return Raw("\"");
        }

        public byte[] Take()
        {
            var piece = _bytes.WrittenSpan.ToArray();
            _bytes.ResetWrittenCount();
            return piece;
        }
    }
}
