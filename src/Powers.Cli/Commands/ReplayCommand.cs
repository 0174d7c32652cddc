using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Powers.Cli.Replay;
using Powers.Hosting;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers replay RECORDS</c>: re-decides every recorded decision and reports each power whose outcome would
/// change (domain.md, "Proving and comparing"): the check a legal team runs before deploying a correction.
/// </summary>
internal static partial class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var records = new Argument<string?>("RECORDS") { Description = "An NDJSON file of decision records, as Powers.Hosting writes them; '-' reads standard input.", Arity = ArgumentArity.ZeroOrOne };
        var connection = new Option<string?>("--connection") { Description = "Read the records from PostgreSQL (an Npgsql connection string), as Powers.Hosting.PostgreSql stores them, instead of a file.", HelpName = "CONNECTION" };
        var table = new Option<string>("--table") { Description = "With --connection: the table, SCHEMA.TABLE.", DefaultValueFactory = _ => "powers.decisions", HelpName = "SCHEMA.TABLE" };
        var format = CommonOptions.Format("text", "text", "json");
        var rules = new Option<string?>("--rules")
        {
            Description = "Re-decide against this rule library (a correction under review) instead of the library each record names by SHA-256 (the embedded one).",
            HelpName = "DIR",
        };
        var command = new Command("replay", "Re-decide recorded decisions and report every power whose outcome would change. Exit code 0 nothing changed, 1 something changed, 2 bad input.")
        {
            records, connection, table, format, rules,
        };
        command.SetAction(parse =>
        {
            string? directory = parse.GetValue(rules);
            var library = LibraryLoader.Load(directory, console);
            if (library is null)
            {
                return ExitCodes.BadInput;
            }

            var replayer = new Replayer(new PowersEngine(library), named: directory is null);
            string? path = parse.GetValue(records);
            string? database = parse.GetValue(connection);
            if ((path is null) == (database is null))
            {
                console.Error.WriteLine("powers: bad input: give either RECORDS or --connection");
                return ExitCodes.BadInput;
            }

            if (path is null)
            {
                string name = parse.GetValue(table)!;
                if (!QualifiedName().IsMatch(name))
                {
                    console.Error.WriteLine("powers: bad input: --table: '" + name + "' is not SCHEMA.TABLE in lower-case identifiers");
                    return ExitCodes.BadInput;
                }

                return Run(console, replayer, new PostgreSqlRecordReader(database!, name), parse.GetValue(format)!);
            }

            Stream? file = null;
            try
            {
                file = path == "-" ? null : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine(Text.ControlCharacters.Escape("powers: bad input: RECORDS: cannot read '" + path + "': " + e.Message));
                return ExitCodes.BadInput;
            }

            using (file)
            {
                var source = file is null ? new NdjsonRecordSource(console.In, "stdin") : new NdjsonRecordSource(file, path);
                return Run(console, replayer, source, parse.GetValue(format)!);
            }
        });
        return command;
    }

    /// <summary>Replays every record and writes the report; the exit code of domain.md.</summary>
    internal static int Run(CliConsole console, Replayer replayer, IDecisionRecordSource source, string format)
    {
        int replayed = 0;
        int bad = 0;
        var changes = new List<ReplayChange>();
        try
        {
            foreach (var stored in source.Read())
            {
                if (stored.IsBlank && stored.Problem is null)
                {
                    continue;
                }

                string? error = stored.Problem;
                if (error is null && RecordJsonReader.Read(stored.Text, stored.Where, out error) is { } record && replayer.Replay(record, out error) is { } changed)
                {
                    replayed++;
                    changes.AddRange(changed);
                    continue;
                }

                bad++;
                console.Error.WriteLine("powers: bad input: " + Text.ControlCharacters.Escape(stored.Where + ": " + error));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or ArgumentException or InvalidOperationException)
        {
            // A file that cannot be read on, a database that cannot be reached, or a bad connection string.
            bad++;
            console.Error.WriteLine("powers: bad input: RECORDS: " + Text.ControlCharacters.Escape(e.Message));
        }

        if (format == "json")
        {
            WriteJson(console.Out, replayed, changes);
        }
        else
        {
            WriteText(console.Out, replayed, changes);
        }

        return bad > 0 ? ExitCodes.BadInput : changes.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static void WriteText(TextWriter w, int replayed, List<ReplayChange> changes)
    {
        foreach (var change in changes)
        {
            // What a record holds is printed escaped: a power name or outcome could carry control characters.
            w.WriteLine(Text.ControlCharacters.Escape(change.Id + " " + change.Power + ": " + (change.Was ?? "(absent)") + " -> " + (change.Now ?? "(absent)")));
        }

        int decisions = changes.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count();
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{replayed} replayed, {decisions} changed ({changes.Count} power outcomes)"));
    }

    private static void WriteJson(TextWriter output, int replayed, List<ReplayChange> changes)
    {
        // Every character outside ASCII escaped, so that no control character a record holds reaches a terminal.
        using var w = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii };
        w.WriteStartObject();
        w.WritePropertyName("replayed");
        w.WriteValue(replayed);
        w.WritePropertyName("changed");
        w.WriteStartArray();
        foreach (var change in changes)
        {
            w.WriteStartObject();
            w.WritePropertyName("id");
            w.WriteValue(change.Id);
            w.WritePropertyName("power");
            w.WriteValue(change.Power);
            w.WritePropertyName("was");
            w.WriteValue(change.Was);
            w.WritePropertyName("now");
            w.WriteValue(change.Now);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteLine();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex QualifiedName();
}
