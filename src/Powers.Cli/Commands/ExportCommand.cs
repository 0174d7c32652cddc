using System.CommandLine;
using Powers.Model;
using Powers.Planning;
using Powers.Queries;
using Powers.RulesEngine;

namespace Powers.Cli.Commands;

/// <summary>
/// <c>powers export --format rulesengine</c>: a rule set version and a designation as Microsoft RulesEngine workflow
/// JSON (a JSON array of <c>Workflow</c>; the first is named <c>ID@VERSION</c>, one rule per power id).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Export format: rulesengine (Microsoft RulesEngine workflow JSON).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("rulesengine");
        var date = new Option<string?>("--date", "-d") { Description = "Select the version of the law in force on this date (YYYY-MM-DD); the designation applies as on that date.", HelpName = "DATE" };
        var ruleset = new Option<string?>("--ruleset") { Description = "A rule set version ID@VERSION (e.g. pra2002-sch4@bill-2002-04-25), instead of selecting by date.", HelpName = "ID" };
        var designation = new Option<string?>("--designation") { Description = "The id of a designation in the rule library.", HelpName = "ID" };
        var force = new Option<string?>("--force") { Description = "The designating force of an ad-hoc designation (with --grant).", HelpName = "FORCE" };
        var grant = new Option<string?>("--grant") { Description = "Powers of an ad-hoc designation, comma-separated.", HelpName = "P,P" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON to this file instead of standard output.", HelpName = "FILE" };
        var rules = CommonOptions.Rules();
        var command = new Command("export", "Export a rule set version and a designation as Microsoft RulesEngine workflow JSON: one rule per power, which succeeds exactly when the power is permitted in a complete situation. Exit code 0, or 2 on bad input.")
        {
            format, date, ruleset, designation, force, grant, output, rules,
        };
        command.SetAction(parse =>
        {
            var library = LibraryLoader.Load(LibraryLoader.Choose(parse.GetValue(rules)), console, console.Error);
            if (library is null)
            {
                return ExitCodes.Failure;
            }

            string? dateText = parse.GetValue(date);
            var query = QueryCommand.FromFlags(library, dateText, parse.GetValue(designation), parse.GetValue(force), parse.GetValue(grant), [], parse.GetValue(ruleset), out var errors);
            if (query is null)
            {
                return QueryCommand.BadInput(console, errors);
            }

            if (query.Version is null)
            {
                return QueryCommand.BadInput(console, [NoVersionInForce(dateText)]);
            }

            var plan = PlanBuilder.Build(library, query.Version, query.Designation, query.Date);
            string json = WorkflowJson.Serialize(WorkflowExporter.Export(plan));
            if (parse.GetValue(output) is { } path)
            {
                try
                {
                    File.WriteAllText(path, json + Environment.NewLine);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return QueryCommand.BadInput(console, [Unwritable(path, e)]);
                }
            }
            else
            {
                console.Out.WriteLine(json);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A date on which no version of the law is in force (PQ0905).</summary>
    internal static QueryError NoVersionInForce(string? dateText) =>
        new(QueryErrorDescriptors.NoVersionInForce, "--date", "no version of the law is in force on " + dateText + "; give another date or --ruleset ID@VERSION");

    /// <summary>An output file that cannot be written (PQ0903).</summary>
    internal static QueryError Unwritable(string path, Exception e) =>
        new(QueryErrorDescriptors.OutputUnwritable, "--output", "cannot write '" + path + "': " + e.Message);
}
