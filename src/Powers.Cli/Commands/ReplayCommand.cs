using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Powers.Cli.Output;
using Powers.Cli.Replay;
using Powers.Decisions;
using Powers.Hosting;
using Powers.Hosting.PostgreSql;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers replay RECORDS</c>: re-decides every recorded decision and reports each power whose outcome would
/// change (docs/contract.md, <c>powers replay</c>): the check a legal team runs before deploying a correction.
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
        var verify = new Option<bool>("--verify")
        {
            Description = "Check the records' chain instead of re-deciding them: exit 0 when it is whole, 1 naming the first record edited, deleted, inserted or put out of order (by decision id and line) or when no record is chained, 2 on bad input.",
        };
        var trusted = new Option<string[]>("--trusted-key")
        {
            Description = "With --verify: a PEM public key trusted to sign the trail's checkpoints (repeatable). Every checkpoint must verify with one, each checkpointed record must match it, and records up to the last checkpoint must be there (records after it can still be cut unseen).",
            HelpName = "PUB.pem",
            AllowMultipleArgumentsPerToken = false,
        };
        var checkpointsFile = new Option<string?>("--checkpoints")
        {
            Description = "With --trusted-key: the signed checkpoints file (default RECORDS.checkpoints, where the host writes them; with --connection, the table SCHEMA.TABLE_checkpoints).",
            HelpName = "FILE",
        };
        var id = new Option<string?>("--id")
        {
            Description = "Re-decide the record of this decision id only and print its whole decision, as powers query prints it (--format text or json); exit 1 when an outcome differs from the record.",
            HelpName = "ID",
        };
        var command = new Command("replay", "Re-decide recorded decisions and report every power whose outcome would change (exit code 0 nothing changed, 1 something changed, 2 bad input), or check their chain (--verify).")
        {
            records, connection, table, format, rules, verify, trusted, checkpointsFile, id,
        };
        command.SetAction(parse =>
        {
            string outputFormat = parse.GetValue(format)!;
            string? onlyId = parse.GetValue(id);
            Guid one = Guid.Empty;
            if (onlyId is not null && !Guid.TryParseExact(onlyId, "D", out one))
            {
                console.Error.WriteLine(Text.ControlCharacters.Escape("powers: bad input: --id: '" + onlyId + "' is not a decision id (a UUID)"));
                return ExitCodes.BadInput;
            }

            string? path = parse.GetValue(records);
            string? database = parse.GetValue(connection);
            if ((path is null) == (database is null))
            {
                console.Error.WriteLine("powers: bad input: give either RECORDS or --connection");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(verify) && onlyId is not null)
            {
                console.Error.WriteLine("powers: bad input: --verify checks the whole trail; it takes no --id");
                return ExitCodes.BadInput;
            }

            string[] keyFiles = parse.GetValue(trusted) ?? [];
            string? checkpointsPath = parse.GetValue(checkpointsFile);
            if ((keyFiles.Length > 0 || checkpointsPath is not null) && !parse.GetValue(verify))
            {
                console.Error.WriteLine("powers: bad input: --trusted-key and --checkpoints go with --verify");
                return ExitCodes.BadInput;
            }

            if (checkpointsPath is not null && keyFiles.Length == 0)
            {
                console.Error.WriteLine("powers: bad input: --checkpoints: give the key they are signed with, --trusted-key PUB.pem");
                return ExitCodes.BadInput;
            }

            List<Compilation.TrustedKey>? keys = null;
            if (keyFiles.Length > 0)
            {
                keys = CheckCommand.TrustedKeys(keyFiles, console);
                if (keys is null)
                {
                    return ExitCodes.BadInput;
                }

            }

            if (database is not null)
            {
                string name = parse.GetValue(table)!;
                if (!QualifiedName().IsMatch(name))
                {
                    console.Error.WriteLine("powers: bad input: --table: '" + name + "' is not SCHEMA.TABLE in lower-case identifiers");
                    return ExitCodes.BadInput;
                }

                return Act(new PostgreSqlDecisionRecordSource(database, name, onlyId is null ? null : one));
            }

            Stream? file = null;
            try
            {
                file = path == "-" ? null : new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine(Text.ControlCharacters.Escape("powers: bad input: RECORDS: cannot read '" + path + "': " + e.Message));
                return ExitCodes.BadInput;
            }

            using (file)
            {
                return Act(file is null ? new NdjsonRecordSource(console.In, "stdin") : new NdjsonRecordSource(file, path!));
            }

            int Act(IDecisionRecordSource source)
            {
                if (parse.GetValue(verify))
                {
                    // The chain is checked before anything is re-decided, and needs no library.
                    return keys is null ? TrailCheck.Run(console, source, outputFormat) : VerifySigned(console, source, outputFormat, keys, checkpointsPath);
                }

                // Without --rules, the library of the current directory or the embedded one, and each record must name it.
                string? directory = parse.GetValue(rules);
                var library = LibraryLoader.Load(LibraryLoader.Choose(directory), console, outputFormat == "text" ? console.Out : console.Error);
                if (library is null)
                {
                    return ExitCodes.BadInput;
                }

                var replayer = new Replayer(new PowersEngine(library), named: directory is null);
                return onlyId is null ? Run(console, replayer, source, outputFormat) : RunOne(console, replayer, source, onlyId, outputFormat);
            }
        });
        return command;
    }

    /// <summary>
    /// <c>--verify --trusted-key</c>: reads the checkpoints the source keeps beside its records (or those of
    /// <paramref name="checkpointsFile"/>, <c>--checkpoints FILE</c>) and verifies their signatures, then checks the
    /// trail against them. Only the record-source contract is used, so any sink's reader works here. No place for the
    /// checkpoints (no such file or table), or none there, fails: a trail whose checkpoints were deleted is not intact.
    /// </summary>
    internal static int VerifySigned(CliConsole console, IDecisionRecordSource source, string format, IReadOnlyList<Compilation.TrustedKey> keys, string? checkpointsFile = null)
    {
        var notes = new List<string>();
        StoredCheckpoints? stored;
        List<RecordCheckpoint>? checkpoints;
        TrailBreak? failure;
        try
        {
            stored = checkpointsFile is null ? source.ReadCheckpoints() : NdjsonRecordSource.CheckpointsFile(checkpointsFile);
            if (stored is null)
            {
                console.Error.WriteLine("powers: bad input: --trusted-key: " + Text.ControlCharacters.Escape(source.Name) + " keeps no checkpoints: give the checkpoints file, --checkpoints FILE");
                return ExitCodes.BadInput;
            }

            if (stored.Checkpoints is null)
            {
                return TrailCheck.Write(console, source, format, new TrailReport { Unverified = "no checkpoints " + stored.Kind + " '" + stored.Name + "': the trail cannot be checked against a signature (the host signs none, or they were deleted)" });
            }

            checkpoints = CheckpointReader.Read(stored.Checkpoints, keys, notes, out failure);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            console.Error.WriteLine("powers: bad input: checkpoints: " + Text.ControlCharacters.Escape(e.Message));
            return ExitCodes.BadInput;
        }

        // A checkpoint that does not verify is reported before any record is read: nothing it says can be believed.
        var report = new TrailReport { Break = failure };
        report.Notes.AddRange(notes);
        if (checkpoints is null)
        {
            return TrailCheck.Write(console, source, format, report);
        }

        if (checkpoints.Count == 0)
        {
            report.Unverified = "'" + stored.Name + "' holds no signed checkpoint";
            return TrailCheck.Write(console, source, format, report);
        }

        return TrailCheck.Run(console, source, format, checkpoints, notes);
    }

    /// <summary>
    /// Re-decides the record of one decision and prints its whole decision as <c>powers query</c> prints it; exit 0,
    /// 1 when an outcome differs from the record (each difference on standard error), 2 when there is no such record
    /// or it cannot be replayed.
    /// </summary>
    internal static int RunOne(CliConsole console, Replayer replayer, IDecisionRecordSource source, string id, string format)
    {
        try
        {
            byte[] needle = System.Text.Encoding.UTF8.GetBytes(id);
            foreach (var stored in source.Read())
            {
                if (stored.Problem is not null || stored.Text.Span.IndexOf(needle) < 0 || RecordJsonReader.Read(stored.Text, stored.Where, out _) is not { } record || record.Id != id)
                {
                    continue;
                }

                var decision = replayer.Decide(record, out string? error);
                if (decision is null)
                {
                    console.Error.WriteLine("powers: bad input: " + Text.ControlCharacters.Escape(stored.Where + ": " + error));
                    return ExitCodes.BadInput;
                }

                (format == "json" ? QueryFormats.Json : QueryFormats.Text).WriteDocument(console.Out, decision, DecisionDetail.Full, null, false);
                var changes = replayer.Compare(record, decision);
                foreach (var change in changes)
                {
                    console.Error.WriteLine("powers: changed: " + Text.ControlCharacters.Escape(change.Power + ": " + (change.Was ?? "(absent)") + " -> " + (change.Now ?? "(absent)")));
                }

                return changes.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DbException or ArgumentException or InvalidOperationException)
        {
            console.Error.WriteLine("powers: bad input: RECORDS: " + Text.ControlCharacters.Escape(e.Message));
            return ExitCodes.BadInput;
        }

        console.Error.WriteLine("powers: bad input: --id: no record of decision " + id + " in " + Text.ControlCharacters.Escape(source.Name));
        return ExitCodes.BadInput;
    }

    /// <summary>Replays every record and writes the report; exit 0 when nothing changed, 1 when an outcome did, 2 on bad input.</summary>
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

    private static void WriteJson(TextWriter output, int replayed, List<ReplayChange> changes) =>
        // Every character outside ASCII escaped, so that no control character a record holds reaches a terminal.
        CliJson.WriteDocument(output, JsonOutputEncoder.Ascii, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("replayed", replayed);
            w.WriteStartArray("changed");
            foreach (var change in changes)
            {
                w.WriteStartObject();
                w.WriteString("id", change.Id);
                w.WriteString("power", change.Power);
                w.WriteString("was", change.Was);
                w.WriteString("now", change.Now);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex QualifiedName();
}
