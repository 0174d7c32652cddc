using System.CommandLine;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Cli.Commands;

/// <summary><c>powers query</c>: decide a query document, NDJSON stream or a query given by flags.</summary>
internal static class QueryCommand
{
    /// <summary>The command, with the output formats of <paramref name="formats"/> (<see cref="QueryFormats.All"/> in the tool).</summary>
    public static Command Create(CliConsole console, IReadOnlyList<QueryFormat> formats)
    {
        var input = new Option<string?>("--input", "-i") { Description = "A query document (JSON), or NDJSON with one query per line (.ndjson/.jsonl, or --ndjson); '-' reads standard input, which is one document when all of it is one JSON document or a single line, and NDJSON otherwise.", HelpName = "FILE" };
        var ndjson = new Option<bool>("--ndjson") { Description = "Treat the input as NDJSON: one query per line, one result line per input line, in order (blank and malformed lines get an error line)." };
        var date = new Option<string?>("--date", "-d") { Description = "The date, YYYY-MM-DD.", HelpName = "DATE" };
        var designation = new Option<string?>("--designation") { Description = "The id of a designation in the rule library.", HelpName = "ID" };
        var force = new Option<string?>("--force") { Description = "The designating force of an ad-hoc designation (with --grant).", HelpName = "FORCE" };
        var grant = new Option<string?>("--grant") { Description = "Powers of an ad-hoc designation, comma-separated.", HelpName = "P,P" };
        var fact = new Option<string[]>("--fact") { Description = "A fact, name=value (repeatable), the value read as in JSON: true, false, a whole number, null for unknown, anything else a name (s47a). Facts not given are unknown.", HelpName = "NAME=VALUE", AllowMultipleArgumentsPerToken = false };
        var made = new Option<string?>("--made") { Description = "The day an ad-hoc designation (--force, --grant) was made, YYYY-MM-DD; default the query's date. It selects transitional rules, such as SI 2017/1139 reg. 4 for designations made before 15 Dec 2017.", HelpName = "DATE" };
        var ruleset = new Option<string?>("--ruleset") { Description = "A rule set version ID@VERSION (e.g. pra2002-sch4@bill-2002-04-25), instead of selecting by date.", HelpName = "ID" };
        var power = new Option<string?>("--power") { Description = "Show only this power.", HelpName = "ID" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Text: every power, with the reason it is not in force or not designated, and every clause with its citation and expression." };
        var format = CommonOptions.Format(formats[0].Name, [.. formats.Select(f => f.Name)]);
        var detail = new Option<string?>("--detail") { Description = "How much of each decision --format json writes: full (the default: the whole document, permittedIf included), reasons (per power: outcome, confidence, citation, clause statuses, missing facts; nothing is explained, so it is faster) or outcomes ({\"power-id\": \"outcome\"}, as --format outcomes).", HelpName = "LEVEL" };
        detail.AcceptOnlyFromAmong("full", "reasons", "outcomes");
        var rules = CommonOptions.Rules();
        var command = new Command("query", "Decide which powers a CSO may exercise. Exit code 0 when decided, 2 on bad input.")
        {
            input, ndjson, date, designation, force, grant, made, fact, ruleset, power, verbose, format, detail, rules,
        };
        command.SetAction(parse =>
        {
            // The option accepts only the names of the list.
            var outputFormat = formats.Single(f => f.Name == parse.GetValue(format));
            if (Detail(outputFormat, parse.GetValue(detail), out var errorOfDetail) is not { } level)
            {
                return BadInput(console, [errorOfDetail!]);
            }

            // --format json --detail outcomes is --format outcomes; text refuses any level but full where it is written.
            outputFormat = QueryFormats.AtLevel(formats, outputFormat, level);
            // A missing folder is bad input (2), as in check and test; a library that does not compile is a failure (1).
            var choice = LibraryLoader.Choose(parse.GetValue(rules));
            if (!LibraryLoader.Exists(choice, console))
            {
                return ExitCodes.BadInput;
            }

            // The library's name goes where a person reads: standard output for text, standard error when a program
            // reads the output (JSON, or what may be NDJSON: its default is JSON lines).
            bool machine = !outputFormat.ForPeople || (parse.GetValue(input) is { } given && parse.GetResult(format) is null or { Implicit: true }
                && (parse.GetValue(ndjson) || given == "-" || IsNdjsonPath(given)));
            var library = LibraryLoader.Load(choice, console, machine ? console.Error : console.Out);
            if (library is null)
            {
                return ExitCodes.Failure;
            }

            var engine = new PowersEngine(library);
            string? onlyPower = parse.GetValue(power);
            if (onlyPower is not null && library.IndexOfPower(onlyPower) < 0)
            {
                var errors = new List<QueryError>();
                QueryReader.CheckPower(library, onlyPower, "--power", errors);
                return BadInput(console, errors);
            }

            if (parse.GetValue(input) is { } path)
            {
                bool flags = parse.GetValue(date) is not null || parse.GetValue(designation) is not null || parse.GetValue(force) is not null
                    || parse.GetValue(grant) is not null || parse.GetValue(ruleset) is not null || parse.GetValue(made) is not null || (parse.GetValue(fact)?.Length ?? 0) > 0;
                if (flags)
                {
                    return BadInput(console, [new QueryError(QueryErrorDescriptors.ConflictingOptions, "--input", "give the query either in the input or by flags, not both")]);
                }

                // NDJSON's default is JSON lines; only a text format asked for by name is refused.
                bool textAsked = outputFormat.ForPeople && parse.GetResult(format) is { Implicit: false };
                return FromInput(console, engine, path, parse.GetValue(ndjson), LineFormat(formats, outputFormat, level), outputFormat, level, textAsked, onlyPower, parse.GetValue(verbose));
            }

            var query = FromFlags(library, parse.GetValue(date), parse.GetValue(designation), parse.GetValue(force), parse.GetValue(grant), parse.GetValue(fact) ?? [], parse.GetValue(ruleset), out var flagErrors, parse.GetValue(made));
            if (query is null)
            {
                return BadInput(console, flagErrors);
            }

            if (outputFormat.ForPeople && level != DecisionDetail.Full)
            {
                return TextWithDetail(console);
            }

            outputFormat.WriteDocument(console.Out, engine.Decide(query), level, onlyPower, parse.GetValue(verbose));
            return ExitCodes.Success;
        });
        return command;
    }

    private static int FromInput(CliConsole console, PowersEngine engine, string path, bool ndjson, QueryFormat lineFormat, QueryFormat format, DecisionDetail detail, bool textAsked, string? onlyPower, bool verbose)
    {
        TextReader reader;
        try
        {
            reader = path == "-" ? console.In : new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return BadInput(console, [Unreadable(path, e)]);
        }

        try
        {
            bool isNdjson = ndjson || IsNdjsonPath(path);
            if (isNdjson)
            {
                if (textAsked)
                {
                    return TextWithNdjson(console, path);
                }

                return NdjsonQueries.Run(console, engine, new NdjsonLineReader(reader), lineFormat, detail, onlyPower);
            }

            string text;
            if (path == "-")
            {
                // Standard input is one document or NDJSON; the classifier reads ahead without losing a line.
                var lines = new NdjsonLineReader(reader);
                if (StandardInputClassifier.IsNdjson(lines, out text))
                {
                    if (textAsked)
                    {
                        return TextWithNdjson(console, path);
                    }

                    return NdjsonQueries.Run(console, engine, lines, lineFormat, detail, onlyPower);
                }
            }
            else
            {
                text = reader.ReadToEnd();
            }

            var read = engine.Read(text);
            if (read.Query is not { } query)
            {
                // A file's errors point into it, as check's do, for editors to jump to; standard input has no name to point into.
                return path == "-" ? BadInput(console, read.Errors) : BadInput(console, path, read.Errors);
            }

            if (format.ForPeople && detail != DecisionDetail.Full)
            {
                return TextWithDetail(console);
            }

            format.WriteDocument(console.Out, engine.Decide(query), detail, onlyPower, verbose);
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return BadInput(console, [Unreadable(path, e)]);
        }
        finally
        {
            if (path != "-")
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// The level of detail of the JSON written: <c>--detail</c>, or outcomes for <c>--format outcomes</c>; null with the
    /// error when the two disagree.
    /// </summary>
    internal static DecisionDetail? Detail(QueryFormat format, string? detail, out QueryError? error)
    {
        error = null;
        var level = detail switch
        {
            "reasons" => DecisionDetail.Reasons,
            "outcomes" => DecisionDetail.Outcomes,
            _ => format.Detail ?? DecisionDetail.Full,
        };
        if (format.Detail is { } only && level != only)
        {
            error = new QueryError(QueryErrorDescriptors.ConflictingOptions, "--detail", "--format " + format.Name + " writes " + format.Name + " only; use --format " + QueryFormats.Json.Name + " --detail " + detail);
            return null;
        }

        return level;
    }

    // NDJSON is answered in lines: a format for people, not asked for by name, answers in JSON lines at the level asked.
    private static QueryFormat LineFormat(IReadOnlyList<QueryFormat> formats, QueryFormat format, DecisionDetail detail) =>
        format.WriteLine is null ? QueryFormats.AtLevel(formats, QueryFormats.Json, detail) : format;

    private static int TextWithDetail(CliConsole console) =>
        BadInput(console, [new QueryError(QueryErrorDescriptors.ConflictingOptions, "--detail", "the text format shows the whole decision; use --format json with --detail")]);

    private static bool IsNdjsonPath(string path) =>
        path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static int TextWithNdjson(CliConsole console, string path) =>
        BadInput(console, [new QueryError(QueryErrorDescriptors.ConflictingOptions, "--format", "text shows one decision; NDJSON input ('" + path + "') is answered line by line: use --format json or --format outcomes")]);

    /// <summary>
    /// The query given by flags: each flag's text goes to the library's <see cref="QueryResolver"/>, as a document's
    /// values do, so a mistake gets the same message here as in a document; a fact value is typed as the same text
    /// would be in JSON (<c>true</c>, <c>12</c>, <c>null</c> for unknown; anything else a string).
    /// </summary>
    internal static Query? FromFlags(RuleLibrary library, string? dateText, string? designationId, string? force, string? grant, string[] facts, string? ruleset, out List<QueryError> errors, string? madeText = null)
    {
        errors = [];
        var resolver = QueryResolver.For(library);
        DateOnly? made = madeText is null ? null : QueryResolver.Date(QueryValue.Name(madeText), "--made", errors);
        if (madeText is not null && force is null)
        {
            errors.Add(new QueryError(QueryErrorDescriptors.ConflictingOptions, "--made", "--made dates an ad-hoc designation (--force with --grant); a stored designation says when it was made"));
        }

        DateOnly? date = dateText is null ? null : QueryResolver.Date(QueryValue.Name(dateText), "--date", errors);
        string? family = null;
        RuleSetVersion? named = null;
        bool rulesetKnown = ruleset is null || resolver.Ruleset(QueryValue.Name(ruleset), "--ruleset", errors, out family, out named);
        var version = rulesetKnown ? resolver.Version(family, named, date, dateText is not null, "--date", "--ruleset", null, errors) : null;
        Designation? designation = null;
        if (designationId is not null)
        {
            if (force is not null || grant is not null)
            {
                errors.Add(new QueryError(QueryErrorDescriptors.ConflictingOptions, "--designation", "give either --designation or --force with --grant, not both"));
            }
            else
            {
                designation = resolver.StoredDesignation(QueryValue.Name(designationId), "--designation", errors);
            }
        }
        else if (force is not null)
        {
            var powers = new HashSet<string>(StringComparer.Ordinal);
            foreach (string p in (grant ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int index = resolver.Power(QueryValue.Name(p), "--grant", errors);
                if (index >= 0)
                {
                    powers.Add(library.Powers[index].Id);
                }
            }

            if (resolver.Force(QueryValue.Name(force), "--force", errors) is { } known)
            {
                designation = Designation.AdHoc(known.Id, powers, made);
            }
        }
        else
        {
            errors.Add(new QueryError(QueryErrorDescriptors.Missing, "--designation", "a designation is required: --designation ID, or --force F --grant P,P"));
        }

        var situation = new Situation(library.Schema);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (string f in facts)
        {
            int eq = f.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add(new QueryError(QueryErrorDescriptors.FactOptionNotNameValue, "--fact", "'" + f + "' is not name=value, e.g. inUniform=true"));
                continue;
            }

            string name = f[..eq].Trim();
            string field = "facts." + name;
            if (!given.Add(name))
            {
                QueryResolver.Duplicate(field, null, errors);
            }
            else if (resolver.Fact(name, field, null, errors) is { } fact)
            {
                QueryResolver.SetFact(fact, QueryValue.Typed(f[(eq + 1)..].Trim()), field, situation, errors);
            }
        }

        return errors.Count > 0 || designation is null ? null : new Query(date, version, designation, situation);
    }

    /// <summary>An input file that cannot be read (PQ0902).</summary>
    internal static QueryError Unreadable(string path, Exception e) =>
        new(QueryErrorDescriptors.InputUnreadable, "--input", "cannot read '" + path + "': " + e.Message);

    /// <summary>Errors in a query file, MSBuild style where an error has a position: <c>query.json(3,12): error: facts.x: ...</c>.</summary>
    internal static int BadInput(CliConsole console, string path, IEnumerable<QueryError> errors)
    {
        foreach (var error in errors)
        {
            console.Error.WriteLine(Text.ControlCharacters.Escape(error.Position is { } at
                ? path + at + ": error: " + error
                : "powers: bad input: " + path + ": " + error));
        }

        return ExitCodes.BadInput;
    }

    internal static int BadInput(CliConsole console, IEnumerable<QueryError> errors)
    {
        foreach (var error in errors)
        {
            console.Error.WriteLine("powers: bad input: " + Text.ControlCharacters.Escape(error.ToString()));
        }

        return ExitCodes.BadInput;
    }
}
