using System.CommandLine;
using System.Diagnostics;
using Powers.Analysis;
using Powers.Cli.Output;
using Powers.Model;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary><c>powers verify [DIR]</c>: prove every assertion over every situation, or refute it with a query document.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var directory = CommonOptions.Directory();
        var rules = CommonOptions.Rules();
        var format = CommonOptions.Format("text", "text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every assertion with what was checked, not only refuted ones." };
        var timeLimit = CommonOptions.TimeLimit();
        var command = new Command("verify", "Prove each assertion of the rule library (assertions/*.json) over every situation: every fact known or unknown, every enum value, every integer class, for every version and designation in its range; or refute it with a query document that 'powers query' decides against it. Ends with 'N proved, N refuted'. Exit code 0 when all are proved, 1 when any is refuted, 2 when the library does not compile or an assertion is too large for the time and memory budget (then narrow its powers or designations).")
        {
            directory, rules, format, verbose, timeLimit,
        };
        command.SetAction(parse =>
        {
            if (!CommonOptions.TryGetDirectory(parse, directory, rules, console, out string? dir)
                || LibraryLoader.Load(LibraryLoader.Choose(dir), console, parse.GetValue(format) == "json" ? console.Error : console.Out) is not { } library)
            {
                return ExitCodes.BadInput;
            }

            var clock = Stopwatch.StartNew();
            var results = AssertionVerifier.VerifyAll(library, CommonOptions.Budget(parse, timeLimit));
            clock.Stop();
            if (results.FirstOrDefault(r => r.Stopped is not null) is { Stopped: { } stop } stopped)
            {
                console.Error.WriteLine("powers: too large: assertion '" + Text.ControlCharacters.Escape(stopped.Assertion.Id) + "': " + Text.ControlCharacters.Escape(stop.Message) + "; narrow with its powers or designations");
                return ExitCodes.BadInput;
            }

            int refuted = results.Count(r => r.Refuted);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(console.Out, results);
            }
            else
            {
                WriteText(console.Out, results, parse.GetValue(verbose), clock.Elapsed);
            }

            return refuted == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }

    private static void WriteText(TextWriter w, IReadOnlyList<AssertionResult> results, bool verbose, TimeSpan elapsed)
    {
        foreach (var r in results)
        {
            string where = r.Assertion.Location.ToString();
            if (r.Counterexample is not { } c)
            {
                if (verbose)
                {
                    w.WriteLine("PROVED " + r.Assertion.Id + " (" + r.Plans + " plans, " + r.Leaves + " situation classes)");
                }

                continue;
            }

            w.WriteLine(where + ": REFUTED " + r.Assertion.Id + ": " + r.Assertion.Text);
            w.WriteLine("    " + c.Power + " is " + OutcomeNames.Name(c.Outcome) + " (" + (r.Assertion.IsNever ? "never: " : "only: ") + string.Join(", ", r.Assertion.Outcomes.Order().Select(OutcomeNames.Name)) + ") in:");
            w.WriteLine("    " + c.QueryJson);
            w.WriteLine("    cite: " + r.Assertion.Cite);
        }

        if (verbose)
        {
            w.WriteLine("verified in " + elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
        }

        int refuted = results.Count(r => r.Refuted);
        w.WriteLine((results.Count - refuted) + " proved, " + refuted + " refuted");
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<AssertionResult> results) =>
        CliJson.WriteDocument(output, JsonOutputEncoder.Minimal, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("assertions");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Assertion.Id);
                w.WriteString("status", r.Proved ? "proved" : "refuted");
                if (r.Counterexample is { } c)
                {
                    w.WritePropertyName("counterexample");
                    w.WriteRawValue(c.QueryJson);
                    w.WriteString("power", c.Power);
                    w.WriteString("outcome", OutcomeNames.Name(c.Outcome));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            int refuted = results.Count(r => r.Refuted);
            w.WriteNumber("proved", results.Count - refuted);
            w.WriteNumber("refuted", refuted);
            w.WriteEndObject();
        });
}
