using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Powers.Hosting;

/// <summary>
/// Checks a trail of decision records against its chain (docs/embedding.md, "A tamper-evident trail") and finds
/// the first record that was edited, deleted, inserted or put out of order. From a file, every byte counts: a
/// record's link is the SHA-256 of everything from the start of the chained record before it (or of the file) to
/// its own start, so a changed, removed or added line anywhere breaks the next link; a line cut short by a crash is
/// covered by the link of the record written after the restart, and a last line cut short is reported as a crash,
/// not tampering. From a table, each writer's records are checked in their sequence, each linked to the text of
/// the one before. Only the chain is read, so a record a replay would refuse is still placed in its chain.
/// Given signed checkpoints (their signatures verified by the caller), each checkpointed record must be there with the
/// line the checkpoint hashed: a trail rewritten with every link recomputed no longer matches them, and records cut
/// from the end up to a checkpoint are missing. Records after a writer's last checkpoint can still be cut unseen.
/// </summary>
internal static class TrailVerifier
{
    /// <summary>Checks every record of <paramref name="source"/>, and its <paramref name="checkpoints"/> if any; stops at the first break.</summary>
    public static TrailReport Verify(IDecisionRecordSource source, IReadOnlyList<RecordCheckpoint>? checkpoints = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var report = new TrailReport();
        var signed = new Dictionary<(string Writer, long Sequence), RecordCheckpoint>();
        foreach (var checkpoint in checkpoints ?? [])
        {
            if (signed.TryGetValue((checkpoint.Writer, checkpoint.Sequence), out var other) && !string.Equals(other.Hash, checkpoint.Hash, StringComparison.OrdinalIgnoreCase))
            {
                report.Break = new TrailBreak(TrailBreakKind.Edited, Place(checkpoint), null, "two signed checkpoints of record " + Number(checkpoint.Sequence) + " of writer " + checkpoint.Writer + " disagree (" + other.Where + "): the signing key signed two trails");
                return report;
            }

            signed[(checkpoint.Writer, checkpoint.Sequence)] = checkpoint;
        }

        foreach (var checkpoint in checkpoints ?? [])
        {
            if (checkpoint.Previous is { } previous && !signed.ContainsKey((checkpoint.Writer, previous)))
            {
                report.Break = new TrailBreak(TrailBreakKind.Deleted, Place(checkpoint), null, "the signed checkpoint of record " + Number(checkpoint.Sequence) + " of writer " + checkpoint.Writer + " follows one of record " + Number(previous) + ", which is not there: a checkpoint was deleted");
                return report;
            }
        }

        var lastOf = new Dictionary<string, long>(StringComparer.Ordinal);
        bool stream = source.IsStream;
        using var records = source.Read().GetEnumerator();
        using var span = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Chained? last = null;
        // Lines since the last chained record that are not records: a crash's cut-short line, or something inserted.
        var between = new List<StoredDecisionRecord>();
        while (records.MoveNext())
        {
            var stored = records.Current;
            if (stored.Problem is not null && !stream)
            {
                report.Break = new TrailBreak(TrailBreakKind.Edited, stored, ReadId(stored.Text.Span), stored.Problem);
                return report;
            }

            string? linkError = null;
            var link = stored.Problem is null ? ReadLink(stored.Text.Span, out linkError) : null;
            string? id = stored.Problem is null ? ReadId(stored.Text.Span) : null;
            if (link is null && linkError is not null)
            {
                report.Break = new TrailBreak(TrailBreakKind.Edited, stored, id, linkError + ": edited");
                return report;
            }

            if (link is null)
            {
                if (!stored.IsBlank && id is not null)
                {
                    if (last is not null)
                    {
                        report.Break = new TrailBreak(TrailBreakKind.Inserted, stored, id, "a record without a chain link after the trail was chained (inserted, or appended by an older Powers)");
                        return report;
                    }

                    report.Unchained++;
                }
                else if (!stored.IsBlank || !stored.EndsWithLineBreak)
                {
                    if (!stream)
                    {
                        report.Break = new TrailBreak(TrailBreakKind.Edited, stored, null, "not a record: edited");
                        return report;
                    }

                    between.Add(stored);
                }

                Feed(span, stored, stream);
                continue;
            }

            // From a table, each writer's chain starts afresh; from a file, every byte since the last chained record counts.
            bool starts = last is null || (!stream && last.Writer != link.Writer);
            string expected = starts && !stream ? RecordChainHead.Start : Hex(span);
            var broken = Check(stored, id, link, expected, starts ? null : last, between, stream, records);
            if (broken is not null)
            {
                report.Break = broken;
                return report;
            }

            foreach (var line in between)
            {
                report.Notes.Add(line.Where + ": not a record (a line cut short by a crash, or other text), covered by the chain");
            }

            between.Clear();
            if (last is not null && last.Writer != link.Writer)
            {
                report.Heads.Add(last.Head);
            }

            if (signed.TryGetValue((link.Writer, link.Sequence), out var checkpoint))
            {
                if (!string.Equals(LineHash(stored), checkpoint.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    report.Break = new TrailBreak(TrailBreakKind.Edited, stored, id, Seq(link.Writer, link.Sequence) + " does not match the signed checkpoint " + checkpoint.Where + ": it, or a record before it with every link after it recomputed, was changed after it was signed");
                    return report;
                }

                report.Checkpoints++;
            }

            lastOf[link.Writer] = link.Sequence;
            last = new Chained(stored, id, link.Writer, link.Sequence);
            report.Records++;
            span.GetHashAndReset();
            Feed(span, stored, stream);
        }

        foreach (var line in between)
        {
            if (line.EndsWithLineBreak)
            {
                report.Break = new TrailBreak(TrailBreakKind.Inserted, line, null, "not a record, after the last record: inserted, or left by a failed write");
                return report;
            }

            report.Notes.Add(line.Where + ": the last line is cut short: a record that was being written when the writer stopped (a crash), not tampering");
        }

        if (last is not null)
        {
            report.Heads.Add(last.Head);
        }

        CheckEnds(report, signed.Values, lastOf);
        return report;
    }

    /// <summary>
    /// Each writer's last signed checkpoint against where its chain ends: records missing up to it were cut from the
    /// end; those after it are named in a note, since a cut among them would not be seen.
    /// </summary>
    private static void CheckEnds(TrailReport report, IEnumerable<RecordCheckpoint> checkpoints, Dictionary<string, long> lastOf)
    {
        foreach (var latest in checkpoints.GroupBy(c => c.Writer, StringComparer.Ordinal).Select(g => g.MaxBy(c => c.Sequence)!).OrderBy(c => c.Where, StringComparer.Ordinal))
        {
            long end = lastOf.GetValueOrDefault(latest.Writer);
            if (end < latest.Sequence)
            {
                string missing = end + 1 == latest.Sequence ? "record " + Number(latest.Sequence) : "records " + Number(end + 1) + " to " + Number(latest.Sequence);
                report.Break = new TrailBreak(TrailBreakKind.Deleted, Place(latest), null, missing + " of writer " + latest.Writer + " missing from the end: the signed checkpoint says the chain reached record " + Number(latest.Sequence) + " (signed " + latest.At.UtcDateTime.ToString("u", CultureInfo.InvariantCulture) + "); the trail ends " + (end == 0 ? "without any record of that writer" : "at record " + Number(end)) + ": cut from the end");
                return;
            }

            if (end > latest.Sequence)
            {
                report.Notes.Add("records " + Number(latest.Sequence + 1) + " to " + Number(end) + " of writer " + latest.Writer + " come after its last signed checkpoint (" + latest.Where + "): a cut among them would not be found");
            }
        }
    }

    private static string LineHash(StoredDecisionRecord stored)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(stored.Text.Span);
        hash.AppendData("\n"u8);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static StoredDecisionRecord Place(RecordCheckpoint checkpoint) => new(ReadOnlyMemory<byte>.Empty, checkpoint.Where);

    /// <summary>
    /// Whether a chained record follows <paramref name="previous"/> (null: it must start a chain), numbered one on
    /// and linked to <paramref name="expected"/>; if not, what happened.
    /// </summary>
    private static TrailBreak? Check(StoredDecisionRecord stored, string? id, RecordLink link, string expected, Chained? previous, List<StoredDecisionRecord> between, bool stream, IEnumerator<StoredDecisionRecord> rest)
    {
        if (previous is not null && link.Writer != previous.Writer)
        {
            return new TrailBreak(TrailBreakKind.Inserted, stored, id, "a record of writer " + link.Writer + " inside writer " + previous.Writer + "'s chain (after " + previous.Name + "): inserted, or another writer appended to this file");
        }

        long wanted = previous is null ? 1 : previous.Sequence + 1;
        if (link.Sequence > wanted)
        {
            if (stream && FindLater(rest, link.Writer, wanted, link.Sequence) is { } later)
            {
                return new TrailBreak(TrailBreakKind.Reordered, stored, id, Seq(link.Writer, link.Sequence) + " comes before " + later + ": reordered");
            }

            string missing = wanted == link.Sequence - 1 ? "record " + Number(wanted) : "records " + Number(wanted) + " to " + Number(link.Sequence - 1);
            return new TrailBreak(TrailBreakKind.Deleted, stored, id, missing + " of writer " + link.Writer + " missing " + (previous is null ? "before it, the start of the chain" : "between " + previous.Name + " and it") + ": deleted");
        }

        if (link.Sequence < wanted)
        {
            return new TrailBreak(TrailBreakKind.Inserted, stored, id, Seq(link.Writer, link.Sequence) + " again, after " + previous!.Name + " (" + Seq(previous.Writer, previous.Sequence) + "): inserted, or reordered");
        }

        if (string.Equals(link.Prev, expected, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (previous is null)
        {
            return new TrailBreak(TrailBreakKind.Edited, stored, id, stream
                ? "the first chained record does not match what the file holds before it: a line before it was edited, inserted or deleted"
                : "the first record of writer " + link.Writer + " does not start a chain: edited");
        }

        if (between.Count > 0)
        {
            return new TrailBreak(TrailBreakKind.Inserted, between[0], null, "not a record, between " + previous.Name + " and " + Name(stored, id) + ", and not covered by the chain: inserted");
        }

        if (FindSuccessor(rest, previous.Writer, expected) is { } successor)
        {
            // Rows are ordered by their sequence numbers, so a reordering rewrites them; the record written after
            // the previous one still links to it.
            return new TrailBreak(TrailBreakKind.Reordered, stored, id, Seq(link.Writer, link.Sequence) + " does not follow " + previous.Name + "; " + successor + " does: reordered");
        }

        return new TrailBreak(TrailBreakKind.Edited, previous.Stored, previous.Id, "changed after it was written: the link of the next record, " + Name(stored, id) + ", does not match it");
    }

    /// <summary>Reads on to find the record of <paramref name="writer"/> that links to <paramref name="link"/>: the one written after the record it links to, now elsewhere.</summary>
    private static string? FindSuccessor(IEnumerator<StoredDecisionRecord> rest, string writer, string link)
    {
        while (rest.MoveNext())
        {
            var stored = rest.Current;
            if (stored.Problem is null && ReadLink(stored.Text.Span, out _) is { } found && found.Writer == writer && string.Equals(found.Prev, link, StringComparison.OrdinalIgnoreCase))
            {
                return Name(stored, ReadId(stored.Text.Span)) + " (" + Seq(writer, found.Sequence) + ")";
            }
        }

        return null;
    }

    /// <summary>Reads on to find a record of <paramref name="writer"/> numbered from <paramref name="from"/> up to <paramref name="before"/>: what a reordering moved later.</summary>
    private static string? FindLater(IEnumerator<StoredDecisionRecord> rest, string writer, long from, long before)
    {
        while (rest.MoveNext())
        {
            var stored = rest.Current;
            if (stored.Problem is null && ReadLink(stored.Text.Span, out _) is { } link && link.Writer == writer && link.Sequence >= from && link.Sequence < before)
            {
                return Name(stored, ReadId(stored.Text.Span)) + " (" + Seq(writer, link.Sequence) + ")";
            }
        }

        return null;
    }

    private static void Feed(IncrementalHash span, StoredDecisionRecord stored, bool stream)
    {
        span.AppendData(stored.Text.Span);
        if (stored.EndsWithLineBreak || !stream)
        {
            span.AppendData("\n"u8);
        }
    }

    private static string Hex(IncrementalHash span) => Convert.ToHexStringLower(span.GetCurrentHash());

    /// <summary>The record's chain link; null with no error when it has none, null with an error when its link is malformed.</summary>
    private static RecordLink? ReadLink(ReadOnlySpan<byte> text, out string? error)
    {
        error = null;
        if (!RecordChainLink.TryRead(text, out string? writer, out long sequence, out string? prev, out error) || error is not null)
        {
            return null;
        }

        return new RecordLink(writer!, sequence, prev!);
    }

    private static string? ReadId(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("decisionId"u8);
                reader.Read();
                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: no id to name it by.
        }

        return null;
    }

    private static string Name(StoredDecisionRecord stored, string? id) => id is null ? stored.Where : stored.Where + " (decision " + id + ")";

    private static string Seq(string writer, long sequence) => "record " + Number(sequence) + " of writer " + writer;

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed class Chained(StoredDecisionRecord stored, string? id, string writer, long sequence)
    {
        public StoredDecisionRecord Stored { get; } = stored;

        public string? Id { get; } = id;

        public string Writer { get; } = writer;

        public long Sequence { get; } = sequence;

        public string Name => TrailVerifier.Name(Stored, Id);

        public TrailHead Head => new(Writer, Sequence, Stored.Where, Id);
    }
}
