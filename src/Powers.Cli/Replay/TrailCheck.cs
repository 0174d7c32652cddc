using System.Data.Common;
using System.Globalization;
using System.Text;
using Powers.Cli.Output;
using Powers.Hosting;
using Powers.Text;

namespace Powers.Cli.Replay;

/// <summary>
/// <c>powers replay RECORDS --verify</c>: checks the records' chain (<see cref="TrailVerifier"/>) and reports it:
/// exit 0 when it is whole, 1 at the first record edited, deleted, inserted or out of order (named by place and
/// decision id) or when no record is chained, 2 when the records cannot be read. With signed checkpoints (their
/// signatures verified), also 1 when a checkpointed record does not match or records up to a checkpoint are missing.
/// </summary>
internal static class TrailCheck
{
    public static int Run(CliConsole console, IDecisionRecordSource source, string format, IReadOnlyList<RecordCheckpoint>? checkpoints = null, IReadOnlyList<string>? checkpointNotes = null)
    {
        TrailReport report;
        try
        {
            report = TrailVerifier.Verify(source, checkpoints);
            report.Notes.InsertRange(0, checkpointNotes ?? []);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or ArgumentException or InvalidOperationException)
        {
            console.Error.WriteLine("powers: bad input: RECORDS: " + Text.ControlCharacters.Escape(e.Message));
            return ExitCodes.BadInput;
        }

        return Write(console, source, format, report);
    }

    /// <summary>
    /// Writes what checking the trail found, as text or as the one JSON document of <c>--verify</c> (whatever it
    /// found: a checkpoint that does not verify and a trail that could not be checked included), and gives the exit code.
    /// </summary>
    public static int Write(CliConsole console, IDecisionRecordSource source, string format, TrailReport report)
    {
        string status = Status(report);
        if (format == "json")
        {
            WriteJson(console.Out, report, status);
        }
        else
        {
            console.Out.WriteLine(Text.ControlCharacters.Escape(Summary(report, source, status)));
            foreach (string note in report.Notes)
            {
                console.Out.WriteLine(Text.ControlCharacters.Escape("note: " + note));
            }
        }

        return status == "intact" ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>The report's first word: <c>broken</c>, <c>unverified</c> (no signed checkpoint to check it by), <c>unverifiable</c> (no record chained) or <c>intact</c>.</summary>
    private static string Status(TrailReport report) =>
        report.Break is not null ? "broken"
        : report.Unverified is not null ? "unverified"
        : report.Records == 0 && report.Unchained > 0 ? "unverifiable"
        : "intact";

    private static string Summary(TrailReport report, IDecisionRecordSource source, string status)
    {
        if (report.Break is { } broken)
        {
            return "broken: " + broken.KindName + ": " + broken.Where + (broken.Id is null ? string.Empty : " (decision " + broken.Id + ")") + ": " + broken.Message;
        }

        if (report.Unverified is { } why)
        {
            return "unverified: " + why;
        }

        if (status == "unverifiable")
        {
            return "unverifiable: " + source.Name + " holds no chained record (" + Count(report.Unchained, "older record") + ", written before records were chained): nothing to check " + (report.Unchained == 1 ? "it" : "them") + " against";
        }

        var text = new StringBuilder("intact: ").Append(Count(report.Records, "record")).Append(", ").Append(Count(report.Heads.Count, "chain"));
        string separator = ": ";
        foreach (var head in report.Heads)
        {
            text.Append(separator).Append("writer ").Append(head.Writer).Append(" records 1 to ").Append(head.Sequence.ToString(CultureInfo.InvariantCulture))
                .Append(", the last ").Append(head.Where);
            if (head.Id is not null)
            {
                text.Append(" (decision ").Append(head.Id).Append(')');
            }

            separator = "; ";
        }

        if (report.Checkpoints > 0)
        {
            text.Append("; ").Append(Count(report.Checkpoints, "record")).Append(" matched ").Append(report.Checkpoints == 1 ? "its" : "their").Append(" signed checkpoint");
        }

        if (report.Unchained > 0)
        {
            text.Append("; ").Append(Count(report.Unchained, "older record")).Append(" without a chain ")
                .Append(source.IsStream ? "before it, covered by its first link" : "(written before records were chained), not checked");
        }

        return text.ToString();
    }

    private static string Count(long n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");

    private static void WriteJson(TextWriter output, TrailReport report, string status) =>
        // Every character outside ASCII escaped, as replay's other documents: a record's text never reaches a terminal raw.
        CliJson.WriteDocument(output, JsonOutputEncoder.Ascii, w =>
        {
            w.WriteStartObject();
            w.WriteString("status", status);
            w.WriteBoolean("intact", status == "intact");
            w.WriteNumber("records", report.Records);
            w.WriteNumber("unchained", report.Unchained);
            w.WriteNumber("checkpoints", report.Checkpoints);
            w.WriteStartArray("chains");
            foreach (var head in report.Heads)
            {
                w.WriteStartObject();
                w.WriteString("writer", head.Writer);
                w.WriteNumber("last", head.Sequence);
                w.WriteString("where", head.Where);
                w.WriteString("id", head.Id);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            if (report.Unverified is { } why)
            {
                w.WriteStringValue(why);
            }

            foreach (string note in report.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WritePropertyName("break");
            if (report.Break is { } broken)
            {
                w.WriteStartObject();
                w.WriteString("kind", broken.KindName);
                w.WriteString("where", broken.Where);
                if (broken.Line is { } line)
                {
                    w.WriteNumber("line", line);
                }
                else
                {
                    w.WriteNull("line");
                }

                w.WriteString("id", broken.Id);
                w.WriteString("message", broken.Message);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteEndObject();
        });
}
