using System.Text.Json;
using Powers.Analysis;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Decisions;

/// <summary>
/// Writes a decision document into a compact <see cref="Utf8JsonWriter"/> from its plan's encoded bytes
/// (<see cref="DocumentBytes"/>): the document is assembled in this thread's <see cref="ByteSink"/> by copying the
/// plan's pieces and writing only what differs per decision (the date, an ad-hoc designation's made day, each
/// power's confidence and readings, the missing facts, residuals), then handed to the writer as one raw value.
/// The same bytes as the reference writer (<see cref="DecisionJsonWriter"/>) with the same encoder.
/// </summary>
internal static class DecisionUtf8Writer
{
    private static readonly byte[][] OutcomeEntries = Enum.GetValues<Outcome>().Select(o => System.Text.Encoding.UTF8.GetBytes(":\"" + OutcomeNames.Name(o) + "\"")).ToArray();
    private static readonly byte[] HighThenUncertain = "high\",\"uncertain\":["u8.ToArray();
    private static readonly byte[] LowThenUncertain = "low\",\"uncertain\":["u8.ToArray();
    private static readonly byte[] HighThenClauses = "high\",\"clauses\":["u8.ToArray();
    private static readonly byte[] LowThenClauses = "low\",\"clauses\":["u8.ToArray();

    public static void Write(Utf8JsonWriter w, Decision decision, DecisionDetail detail, AnalysisBudget? budget, CancellationToken cancellationToken)
    {
        // Residuals first: the search may be cancelled, and then nothing is written.
        var residuals = detail == DecisionDetail.Full ? decision.Residuals(budget, cancellationToken) : null;
        var sink = ByteSink.ForThread();
        if (!TryWrite(sink, decision, detail, w.Options.Encoder, residuals))
        {
            DecisionJsonWriter.WriteReference(w, decision, detail, budget, onlyPower: null, cancellationToken);
            return;
        }

        w.WriteRawValue(sink.Written, skipInputValidation: true);
    }

    /// <summary>Assembles the document; false when a power has more clauses than the pieces can follow (64).</summary>
    internal static bool TryWrite(ByteSink sink, Decision decision, DecisionDetail detail, System.Text.Encodings.Web.JavaScriptEncoder? encoder, Residual?[]? residuals)
    {
        var plan = decision.Plan;
        if (detail == DecisionDetail.Outcomes)
        {
            WriteOutcomes(sink, decision, PlanOutput.Of(plan).Bytes(encoder));
            return true;
        }

        var bytes = PlanOutput.Of(plan).Bytes(encoder);
        foreach (var power in plan.PowerArray)
        {
            // Two reading slots per clause in one mask.
            if (power.ClauseIndices.Length > 32)
            {
                return false;
            }
        }

        sink.Append((byte)'{');
        if (decision.Date is { } date)
        {
            sink.Append("\"date\":"u8);
            sink.AppendDate(date);
            sink.Append((byte)',');
        }

        WriteDesignation(sink, decision.Designation, plan.Designation, bytes);
        sink.Append((byte)',');
        sink.Append(bytes.Ruleset);
        sink.Append(",\"decisions\":["u8);
        var statuses = decision.Statuses;
        var clauses = plan.ClauseArray;
        for (int p = 0; p < bytes.Powers.Length; p++)
        {
            if (p > 0)
            {
                sink.Append((byte)',');
            }

            var power = plan.PowerArray[p];
            var pieces = bytes.Powers[p];
            var outcome = decision.OutcomeAt(p);
            var counted = default(SlotSink);
            Certainty.Contributions(power, outcome, clauses, statuses, power.ClauseIndices, ref counted);
            bool low = power.Uncertain.Count > 0 || counted.Slots != 0;
            var indices = power.ClauseIndices;
            if (detail == DecisionDetail.Reasons)
            {
                sink.Append(pieces.ReasonsHead[(int)outcome]);
                sink.Append(low ? LowThenClauses : HighThenClauses);
                for (int k = 0; k < indices.Length; k++)
                {
                    if (k > 0)
                    {
                        sink.Append((byte)',');
                    }

                    sink.Append(pieces.ReasonsClause[k][(int)statuses[indices[k]]]);
                }

                WriteMissing(sink, decision.MissingAt(p), bytes);
                sink.Append((byte)'}');
                continue;
            }

            sink.Append(pieces.FullHead[(int)outcome]);
            sink.Append(low ? LowThenUncertain : HighThenUncertain);
            sink.Append(pieces.PlanReadings);
            bool any = pieces.PlanReadings.Length > 0;
            ulong written = 0;
            for (ulong rest = counted.Slots; rest != 0; rest &= rest - 1)
            {
                int slot = System.Numerics.BitOperations.TrailingZeroCount(rest);
                int group = pieces.SlotGroup[slot];
                if (group < 0 || (written >> group & 1) != 0)
                {
                    continue;
                }

                written |= 1UL << group;
                if (any)
                {
                    sink.Append((byte)',');
                }

                sink.Append(pieces.SlotReading[slot]);
                any = true;
            }

            sink.Append(pieces.ClausesOpen);
            for (int k = 0; k < indices.Length; k++)
            {
                if (k > 0)
                {
                    sink.Append((byte)',');
                }

                sink.Append(pieces.FullClause[k][(int)statuses[indices[k]]]);
            }

            WriteMissing(sink, decision.MissingAt(p), bytes);
            if (residuals?[p] is { } residual)
            {
                WriteResidual(sink, residual, bytes, encoder);
            }

            sink.Append((byte)'}');
        }

        sink.Append("]}"u8);
        return true;
    }

    private static void WriteOutcomes(ByteSink sink, Decision decision, DocumentBytes bytes)
    {
        sink.Append((byte)'{');
        for (int p = 0; p < decision.Count; p++)
        {
            if (p > 0)
            {
                sink.Append((byte)',');
            }

            sink.Append(bytes.PowerIds[p]);
            sink.Append(OutcomeEntries[(int)decision.OutcomeAt(p)]);
        }

        sink.Append((byte)'}');
    }

    private static void WriteDesignation(ByteSink sink, Designation designation, Designation planned, DocumentBytes bytes)
    {
        var encoder = bytes.Encoder;
        if (designation.Id is { } id)
        {
            if (id == planned.Id)
            {
                sink.Append(bytes.DesignationPrefix);
            }
            else
            {
                sink.Append("\"designation\":"u8);
                sink.AppendString(id, encoder);
            }

            return;
        }

        // Ad-hoc designations sharing a plan share its force and powers set (Designation.WithMade); the made day is theirs.
        if (planned.Id is null && ReferenceEquals(designation.Powers, planned.Powers) && designation.Force == planned.Force)
        {
            sink.Append(bytes.DesignationPrefix);
        }
        else
        {
            sink.Append("\"designation\":{\"force\":"u8);
            sink.AppendString(designation.Force, encoder);
            sink.Append(",\"powers\":["u8);
            bool first = true;
            foreach (string power in designation.Powers.Order(StringComparer.Ordinal))
            {
                if (!first)
                {
                    sink.Append((byte)',');
                }

                sink.AppendString(power, encoder);
                first = false;
            }

            sink.Append((byte)']');
        }

        if (designation.Made is { } made)
        {
            sink.Append(",\"made\":"u8);
            sink.AppendDate(made);
        }

        sink.Append((byte)'}');
    }

    private static void WriteMissing(ByteSink sink, UInt128 missing, DocumentBytes bytes)
    {
        sink.Append("],\"missing\":["u8);
        bool first = true;
        for (UInt128 rest = missing; rest != UInt128.Zero; rest &= rest - UInt128.One)
        {
            if (!first)
            {
                sink.Append((byte)',');
            }

            sink.Append(bytes.FactNames[(int)UInt128.TrailingZeroCount(rest)]);
            first = false;
        }

        sink.Append((byte)']');
    }

    private static void WriteResidual(ByteSink sink, Residual residual, DocumentBytes bytes, System.Text.Encodings.Web.JavaScriptEncoder? encoder)
    {
        if (residual.Condition is not { } condition)
        {
            if (residual.Stopped is { } stopped)
            {
                sink.Append(",\"permittedIf\":null,\"permittedIfStopped\":"u8);
                sink.AppendString(stopped, encoder);
            }

            return;
        }

        sink.Append(",\"permittedIf\":"u8);
        sink.AppendString(condition, encoder);
        if (residual.Example is not { } example)
        {
            return;
        }

        sink.Append(",\"example\":{"u8);
        for (int i = 0; i < example.Count; i++)
        {
            if (i > 0)
            {
                sink.Append((byte)',');
            }

            var value = example[i];
            sink.Append(bytes.FactNames[value.Fact.Index]);
            sink.Append((byte)':');
            switch (value.Fact.Kind)
            {
                case FactKind.Bool:
                    sink.Append(value.Value != 0 ? "true"u8 : "false"u8);
                    break;
                case FactKind.Int:
                    sink.AppendNumber(value.Value);
                    break;
                default:
                    sink.AppendString(value.Fact.FormatValue(value.Value), encoder);
                    break;
            }
        }

        sink.Append((byte)'}');
    }

    /// <summary>The reading slots an outcome rests on, as a mask (2k a clause's own reading, 2k + 1 its open question).</summary>
    private struct SlotSink : Certainty.IReadingSink
    {
        public ulong Slots;

        public void Add(int position, bool open) => Slots |= 1UL << (2 * position + (open ? 1 : 0));
    }
}
