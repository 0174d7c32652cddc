using Newtonsoft.Json;
using Powers.Diagnostics;
using Powers.Evaluation;
using Powers.Syntax.Json;

namespace Powers.Cli.Commands;

/// <summary>
/// Streams NDJSON: one query per line in, one result per line out, in order, with flat memory. A bad line gives
/// an error object for that line (<c>{"line": n, "errors": [...]}</c>) and the rest go on; the exit code is then 2.
/// </summary>
internal static class NdjsonQueries
{
    public static int Run(CliConsole console, PowersEngine engine, TextReader reader, IReadOnlyList<string>? firstLines, string format, string? onlyPower)
    {
        var output = console.Out;
        long lineNumber = 0;
        long bad = 0;
        var plans = new PlanCache(engine);
        var lastProgress = DateTime.UtcNow;
        foreach (string line in Lines(reader, firstLines))
        {
            lineNumber++;
            var errors = new List<QueryError>();
            var query = line.Trim().Length == 0 ? null : QueryReader.Parse(engine.Library, line, errors);
            if (query is null)
            {
                bad++;
                if (errors.Count == 0)
                {
                    errors.Add(new QueryError(string.Empty, "empty line"));
                }

                WriteError(output, lineNumber, errors);
                continue;
            }

            // A cached plan carries the date of the query that built it, so the full form plans each line itself.
            var plan = format == "outcomes" ? plans.Get(query) : engine.Plan(query);
            var buffer = plans.Buffer(plan);
            engine.Decide(plan, query.Situation, buffer);
            if (format == "outcomes")
            {
                WriteOutcomes(output, plan, buffer, onlyPower);
            }
            else
            {
                using var w = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
                DecisionJsonWriter.Write(w, Decision.FromBuffer(plan, buffer));
                w.Flush();
                output.WriteLine();
            }

            if (console.ErrorIsTerminal && (lineNumber & 0x3FF) == 0 && (DateTime.UtcNow - lastProgress).TotalMilliseconds > 250)
            {
                lastProgress = DateTime.UtcNow;
                console.Error.Write("\rpowers: " + lineNumber.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " queries");
            }
        }

        if (console.ErrorIsTerminal && lineNumber >= 1024)
        {
            console.Error.WriteLine("\rpowers: " + lineNumber.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " queries, " + bad + " bad");
        }

        output.Flush();
        return bad > 0 ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>Whether a line is a whole JSON document on its own.</summary>
    public static bool IsCompleteDocument(string line) =>
        JsonParser.Parse(new Text.SourceText("<line>", line), new DiagnosticBag()) is not null;

    private static IEnumerable<string> Lines(TextReader reader, IReadOnlyList<string>? firstLines)
    {
        if (firstLines is not null)
        {
            foreach (string line in firstLines)
            {
                yield return line;
            }
        }

        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static void WriteOutcomes(TextWriter output, DecisionPlan plan, DecisionBuffer buffer, string? onlyPower)
    {
        output.Write('{');
        bool first = true;
        for (int p = 0; p < plan.Powers.Count; p++)
        {
            string id = plan.Powers[p].Power.Id;
            if (onlyPower is not null && id != onlyPower)
            {
                continue;
            }

            if (!first)
            {
                output.Write(',');
            }

            first = false;
            output.Write('"');
            output.Write(id);
            output.Write("\":\"");
            output.Write(OutcomeNames.Name(buffer.Outcomes[p]));
            output.Write('"');
        }

        output.Write('}');
        output.Write('\n');
    }

    private static void WriteError(TextWriter output, long line, List<QueryError> errors)
    {
        using var w = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
        w.WriteStartObject();
        w.WritePropertyName("line");
        w.WriteValue(line);
        w.WritePropertyName("errors");
        w.WriteStartArray();
        foreach (var e in errors)
        {
            w.WriteStartObject();
            w.WritePropertyName("field");
            w.WriteValue(e.Field);
            w.WritePropertyName("message");
            w.WriteValue(e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write('\n');
    }
}
