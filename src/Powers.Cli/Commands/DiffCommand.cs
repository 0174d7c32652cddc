using System.CommandLine;
using Powers.Analysis;
using Powers.Cli.Output;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers diff --from A --to B</c>: for each power, the situations whose outcome changes between two versions (or
/// dates, or two rule directories), as conditions with an example each; <c>--power ID --timeline</c> walks one
/// power through every version of the family, the Bill first.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "The first version, ID@VERSION or a date (YYYY-MM-DD: the version in force then).", HelpName = "A" };
        var to = new Option<string?>("--to") { Description = "The second version, ID@VERSION or a date (default: the same as --from, for comparing two rule directories).", HelpName = "B" };
        var rules = CommonOptions.Rules();
        var toRules = new Option<string?>("--to-rules") { Description = "A second rule library directory, for B (e.g. a rules change under review).", HelpName = "DIR" };
        var designation = new Option<string?>("--designation") { Description = "The id of a designation (default: an ad-hoc one of --force granting every power).", HelpName = "ID" };
        var force = new Option<string?>("--force") { Description = "The force of an ad-hoc designation (default: metropolitan).", HelpName = "FORCE" };
        var grant = new Option<string?>("--grant") { Description = "Powers of the ad-hoc designation, comma-separated (default: every power).", HelpName = "P,P" };
        var power = new Option<string?>("--power") { Description = "Only this power.", HelpName = "ID" };
        var timeline = new Option<bool>("--timeline") { Description = "With --power: what changed for that power from each version of the family to the next, the Bill first." };
        var format = CommonOptions.Format("text", "text", "json", "markdown");
        var timeLimit = CommonOptions.TimeLimit();
        var command = new Command("diff", "Compare the outcomes of two versions of the law (or two rule directories) over every situation in which the facts a power reads are known: each change as the outcome before and after, a condition on the facts, and an example. Exit code 0; 2 on bad input, or when the comparison is too large for its time and memory budget (then narrow it with --power or --designation).")
        {
            from, to, rules, toRules, designation, force, grant, power, timeline, format, timeLimit,
        };
        command.SetAction(parse =>
        {
            var announce = parse.GetValue(format) == "text" ? console.Out : console.Error;
            var libraryA = LibraryLoader.Load(LibraryLoader.Choose(parse.GetValue(rules)), console, announce);
            var libraryB = parse.GetValue(toRules) is { } other ? LibraryLoader.Load(LibraryLoader.Choose(other), console, announce) : libraryA;
            if (libraryA is null || libraryB is null)
            {
                return ExitCodes.BadInput;
            }

            var errors = new List<QueryError>();
            // Enum values are stored as indices, so their order is part of the schema too.
            if (!libraryA.Schema.Facts.Select(Signature).SequenceEqual(libraryB.Schema.Facts.Select(Signature)))
            {
                errors.Add(DifferentSchemas());
            }

            string? onlyPower = parse.GetValue(power);
            if (onlyPower is not null)
            {
                QueryReader.CheckPower(libraryA, onlyPower, "--power", errors);
            }

            var designationA = ResolveDesignation(libraryA, parse.GetValue(designation), parse.GetValue(force), parse.GetValue(grant), errors);
            var designationB = ReferenceEquals(libraryA, libraryB) ? designationA : ResolveDesignation(libraryB, parse.GetValue(designation), parse.GetValue(force), parse.GetValue(grant), errors);
            if (parse.GetValue(timeline))
            {
                if (onlyPower is null)
                {
                    errors.Add(new QueryError(QueryErrorDescriptors.Missing, "--timeline", "give the power with --power ID"));
                }

                if (errors.Count > 0 || designationA is null)
                {
                    return QueryCommand.BadInput(console, errors);
                }

                var budget = CommonOptions.Budget(parse, timeLimit);
                var steps = Timeline(libraryA, designationA, onlyPower!, budget, out var stopped);
                return stopped is not null ? TooLarge(console, stopped) : Write(console.Out, parse.GetValue(format)!, steps);
            }

            string? textA = parse.GetValue(from);
            string? textB = parse.GetValue(to) ?? textA;
            if (textA is null)
            {
                errors.Add(new QueryError(QueryErrorDescriptors.Missing, "--from", "give the first version: --from ID@VERSION or --from YYYY-MM-DD"));
            }

            var (versionA, dateA) = textA is null ? (null, null) : ResolveVersion(libraryA, textA, "--from", errors);
            var (versionB, dateB) = textB is null ? (null, null) : ResolveVersion(libraryB, textB, "--to", errors);
            if (errors.Count > 0 || designationA is null || designationB is null)
            {
                return QueryCommand.BadInput(console, errors);
            }

            var planA = PlanBuilder.Build(libraryA, versionA, designationA, dateA);
            var planB = PlanBuilder.Build(libraryB, versionB, designationB, dateB);
            var diff = OutcomeDiffer.Compare(planA, planB, onlyPower, CommonOptions.Budget(parse, timeLimit));
            return diff.Stopped is { } stop
                ? TooLarge(console, stop)
                : Write(console.Out, parse.GetValue(format)!, [new DiffStep(Name(versionA, textA!), Name(versionB, textB!), diff.Changes)]);
        });
        return command;
    }

    /// <summary>Two libraries whose fact schemas differ (PQ0906).</summary>
    internal static QueryError DifferentSchemas() =>
        new(QueryErrorDescriptors.IncompatibleLibraries, "--to-rules", "the two libraries have different fact schemas, so their situations cannot be compared");

    private static string Signature(Binding.FactSymbol fact) => fact.Name + ":" + fact.TypeName + ":" + string.Join(",", fact.Values);

    /// <summary>An honest answer when the budget ran out: nothing on standard output, the reason on standard error.</summary>
    internal static int TooLarge(CliConsole console, AnalysisStop stop)
    {
        console.Error.WriteLine("powers: too large: " + Text.ControlCharacters.Escape(stop.Message) + "; narrow with --power or --designation");
        return ExitCodes.BadInput;
    }

    private static List<DiffStep> Timeline(RuleLibrary library, Designation designation, string power, AnalysisBudget budget, out AnalysisStop? stopped)
    {
        stopped = null;
        string? family = library.Versions.FirstOrDefault(v => v.Powers.ContainsKey(power))?.Family ?? library.DefaultFamily;
        var versions = library.Versions.Where(v => v.Family == family).ToList();
        var steps = new List<DiffStep>();
        for (int i = 0; i + 1 < versions.Count; i++)
        {
            var a = PlanBuilder.Build(library, versions[i], designation, null);
            var b = PlanBuilder.Build(library, versions[i + 1], designation, null);
            var diff = OutcomeDiffer.Compare(a, b, power, budget);
            if (diff.Stopped is { } stop)
            {
                stopped = stop;
                break;
            }

            steps.Add(new DiffStep(versions[i].Id, versions[i + 1].Id, diff.Changes));
        }

        return steps;
    }

    private static string Name(RuleSetVersion? version, string text) => version?.Id ?? "no version in force on " + text;

    private static (RuleSetVersion? Version, DateOnly? Date) ResolveVersion(RuleLibrary library, string text, string field, List<QueryError> errors)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            // The resolver words an unknown version as powers query does.
            QueryResolver.For(library).Ruleset(QueryValue.Name(text), field, errors, out _, out var version);
            return (version, null);
        }

        var date = QueryReader.ParseDate(text, field, errors);
        return date is { } d && library.DefaultFamily is { } family ? (library.VersionInForce(family, d), d) : (null, date);
    }

    private static Designation? ResolveDesignation(RuleLibrary library, string? id, string? force, string? grant, List<QueryError> errors)
    {
        if (id is not null)
        {
            return QueryResolver.For(library).StoredDesignation(QueryValue.Name(id), "--designation", errors);
        }

        string chosen = force ?? (library.TryGetForce("metropolitan", out _) ? "metropolitan" : library.Forces[0].Id);
        if (!QueryReader.CheckForce(library, chosen, "--force", errors))
        {
            return null;
        }

        var powers = new HashSet<string>(StringComparer.Ordinal);
        if (grant is null)
        {
            powers.UnionWith(library.Powers.Select(p => p.Id));
        }
        else
        {
            foreach (string p in grant.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (QueryReader.CheckPower(library, p, "--grant", errors))
                {
                    powers.Add(p);
                }
            }
        }

        return Designation.AdHoc(chosen, powers);
    }

    private static int Write(TextWriter w, string format, IReadOnlyList<DiffStep> steps)
    {
        switch (format)
        {
            case "json":
                WriteJson(w, steps);
                break;
            case "markdown":
                foreach (var step in steps)
                {
                    w.WriteLine("### `" + step.From + "` → `" + step.To + "`");
                    w.WriteLine();
                    if (step.Changes.Count == 0)
                    {
                        w.WriteLine("No outcome changes.");
                        w.WriteLine();
                        continue;
                    }

                    w.WriteLine("| power | from | to | when | example |");
                    w.WriteLine("|---|---|---|---|---|");
                    foreach (var c in step.Changes)
                    {
                        w.WriteLine("| `" + c.Power + "` | " + OutcomeNames.Name(c.From) + " | " + OutcomeNames.Name(c.To) + " | `" + c.When + "`" + (c.Exact ? string.Empty : " (approximate)") + " | `" + ExampleJson(c) + "` |");
                    }

                    w.WriteLine();
                }

                break;
            default:
                foreach (var step in steps)
                {
                    w.WriteLine(step.From + " -> " + step.To + ": " + step.Changes.Count + " change(s)");
                    foreach (var c in step.Changes)
                    {
                        w.WriteLine("  " + c.Power + ": " + OutcomeNames.Name(c.From) + " -> " + OutcomeNames.Name(c.To));
                        w.WriteLine("      when    " + c.When + (c.Exact ? string.Empty : "  (approximate: integer facts compared with each other)"));
                        w.WriteLine("      example " + ExampleJson(c));
                    }
                }

                break;
        }

        return ExitCodes.Success;
    }

    private static string ExampleJson(OutcomeChange change) =>
        "{" + string.Join(", ", change.Example.Select(v => CliJson.Quote(v.Fact.Name) + ": " + v.JsonText)) + "}";

    private static void WriteJson(TextWriter output, IReadOnlyList<DiffStep> steps) =>
        CliJson.WriteDocument(output, JsonOutputEncoder.Minimal, w =>
        {
            if (steps.Count != 1)
            {
                w.WriteStartObject();
                w.WriteStartArray("steps");
            }

            foreach (var step in steps)
            {
                w.WriteStartObject();
                w.WriteString("from", step.From);
                w.WriteString("to", step.To);
                w.WriteStartArray("changes");
                foreach (var c in step.Changes)
                {
                    w.WriteStartObject();
                    w.WriteString("power", c.Power);
                    w.WriteString("from", OutcomeNames.Name(c.From));
                    w.WriteString("to", OutcomeNames.Name(c.To));
                    w.WriteString("when", c.When);
                    w.WritePropertyName("example");
                    w.WriteRawValue(ExampleJson(c));
                    if (!c.Exact)
                    {
                        w.WriteBoolean("exact", false);
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (steps.Count != 1)
            {
                w.WriteEndArray();
                w.WriteEndObject();
            }
        });
}
