using System.Globalization;
using Powers.Cli.Output;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.Syntax.Json;

namespace Powers.Cli.Commands;

/// <summary>
/// Streams NDJSON: one query per line in, one result per line out, in order, with flat memory. A bad line gives
/// an error object for that line (<c>{"line": n, "errors": [...]}</c>) and the rest go on; the exit code is then 2.
/// Lines of the common shape are read by <see cref="CompactQueryReader"/> straight into a reused situation; any
/// other line goes through <see cref="QueryReader"/>, which decides it the same way or names the error. Lines are
/// split and read a batch at a time (<see cref="NdjsonBatches"/>), on a thread of their own when there is a second
/// core, while this thread decides and writes the batch before: each does about half of the work.
/// </summary>
internal static class NdjsonQueries
{
    // readAhead: whether lines are read on a thread of their own (NdjsonBatches); by default when there is more than one core.
    public static int Run(CliConsole console, PowersEngine engine, NdjsonLineReader lines, QueryFormat format, DecisionDetail detail, string? onlyPower, bool? readAhead = null)
    {
        // The process's own stdout writer flushes on every write, 256 bytes at a time: a system call per few hundred
        // bytes. When the console is the process's own (CliConsole.System), results go to the standard output stream
        // through a 64 K buffer instead, as the UTF-8 the lines are made in; any other writer (tests) is written directly.
        bool ownStdout = console.OutStream is not null;
        TextWriter output = ownStdout ? new Utf8StreamWriter(console.OutStream!) : console.Out;
        try
        {
            // Stryker disable once Equality : both ways of reading give the same answers (NdjsonStreamTests runs both); only the cores used differ
            return Run(console, output, engine, lines, format.WriteLine!, detail, onlyPower, readAhead ?? Environment.ProcessorCount > 1);
        }
        finally
        {
            output.Flush();
            if (ownStdout)
            {
                output.Dispose();
            }
        }
    }

    private static int Run(CliConsole console, TextWriter output, PowersEngine engine, NdjsonLineReader lines, Action<TextWriter, PlanEntry, NdjsonAnswer> write, DecisionDetail detail, string? onlyPower, bool readAhead)
    {
        long lineNumber = 0;
        long bad = 0;
        var plans = new PlanEntries(engine);
        long lastProgress = Environment.TickCount64;
        using var reading = new NdjsonBatches(engine.Library, lines, readAhead);
        while (reading.TryTake(out var batch))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                lineNumber++;
                var item = batch.Items[i];
                if (item.Slow is null)
                {
                    write(output, plans.Get(item.Version, item.Designation!, item.Date), new NdjsonAnswer(item.Designation!, item.Date, item.Situation, detail, onlyPower));
                }
                else if (!DecideSlowly(output, engine, plans, item.Slow, lineNumber, write, detail, onlyPower))
                {
                    bad++;
                }

                if (console.ErrorIsTerminal && (lineNumber & 0x3FF) == 0 && Environment.TickCount64 - lastProgress > 250)
                {
                    lastProgress = Environment.TickCount64;
                    console.Error.Write("\rpowers: " + lineNumber.ToString("N0", CultureInfo.InvariantCulture) + " queries");
                }
            }

            reading.Return(batch);
        }

        if (console.ErrorIsTerminal && lineNumber >= 1024)
        {
            console.Error.WriteLine("\rpowers: " + lineNumber.ToString("N0", CultureInfo.InvariantCulture) + " queries, " + bad + " bad");
        }

        return bad > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static bool DecideSlowly(TextWriter output, PowersEngine engine, PlanEntries plans, string line, long lineNumber, Action<TextWriter, PlanEntry, NdjsonAnswer> write, DecisionDetail detail, string? onlyPower)
    {
        var errors = new List<QueryError>();
        var query = line.Trim().Length == 0 ? null : QueryReader.Parse(engine.Library, line, errors);
        if (query is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(new QueryError(QueryErrorDescriptors.BlankLine, string.Empty, "empty line"));
            }

            WriteError(output, lineNumber, errors);
            return false;
        }

        write(output, plans.Get(query), new NdjsonAnswer(query.Designation, query.Date, query.Situation, detail, onlyPower));
        return true;
    }

    /// <summary>The <c>json</c> format's line: the decision document at the line's level.</summary>
    internal static void WriteDecisionLine(TextWriter output, PlanEntry entry, NdjsonAnswer answer)
    {
        entry.Decide(answer.Situation);
        // The plan is shared across dates and made days; the decision reports this line's date and designation.
        var decision = Decision.FromBuffer(entry.Plan, answer.Designation, answer.Date, entry.Buffer, answer.Situation);
        CliJson.WriteLine(output, (decision, answer), static (w, s) => DecisionJsonWriter.Write(w, s.decision, s.answer.Detail, CliBudget.Explanation, s.answer.OnlyPower, default));
    }

    /// <summary>The <c>outcomes</c> format's line, from the plan's outcome texts, deciding outcomes only.</summary>
    internal static void WriteOutcomesLine(TextWriter output, PlanEntry entry, NdjsonAnswer answer)
    {
        entry.DecideOutcomes(answer.Situation);
        Utf8StreamWriter.Write(output, entry.OutcomesLine(answer.OnlyPower));
    }

    private static void WriteError(TextWriter output, long line, List<QueryError> errors) =>
        CliJson.WriteLine(output, (line, errors), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("line", s.line);
            w.WritePropertyName("errors");
            DecisionJsonWriter.WriteErrors(w, s.errors);
            w.WriteEndObject();
        });
}
