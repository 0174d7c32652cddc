using System.CommandLine;
using Powers.Binding;
using Powers.Model;

namespace Powers.Cli.Commands;

/// <summary><c>powers list</c>: the versions of the law with their dates and changes, powers, designations, facts.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = CommonOptions.Rules();
        var command = new Command("list", "List the rule set versions (dates, what changed), powers, designations and facts.") { rules };
        command.SetAction(parse =>
        {
            var library = LibraryLoader.Load(LibraryLoader.Choose(parse.GetValue(rules)), console, console.Out);
            if (library is null)
            {
                return ExitCodes.Failure;
            }

            var w = console.Out;
            w.WriteLine("RULE SETS");
            foreach (var v in library.Versions)
            {
                w.WriteLine("  " + v.Id + "  (" + v.Effective + ", revision " + v.Revision + ")");
                w.WriteLine("    " + v.Title);
                w.WriteLine("    powers: " + string.Join(", ", library.Powers.Where(p => v.Powers.ContainsKey(p.Id)).Select(p => p.Id + (v.Standard.Contains(p.Id) ? " (standard)" : string.Empty) + Limits(library, v.Powers[p.Id]))));
                foreach (var exclusion in v.ForceExclusions)
                {
                    w.WriteLine("    not in force for: " + string.Join(", ", exclusion.Forces.Order(StringComparer.Ordinal)) + " (" + exclusion.Cite + ")");
                }

                foreach (string change in v.Changes)
                {
                    w.WriteLine("    changed: " + change);
                }
            }

            w.WriteLine();
            w.WriteLine("POWERS");
            foreach (var p in library.Powers)
            {
                w.WriteLine("  " + p.Id.PadRight(30) + " " + p.Title);
            }

            w.WriteLine();
            w.WriteLine("DESIGNATIONS");
            foreach (var d in library.Designations)
            {
                w.WriteLine("  " + d.Id + "  (" + d.Force + ", " + d.Effective + ")  " + d.Title);
                w.WriteLine("    powers: " + string.Join(", ", library.Powers.Where(p => d.Powers.Contains(p.Id)).Select(p => p.Id)));
            }

            w.WriteLine();
            w.WriteLine("FACTS");
            foreach (var f in library.Schema.Facts)
            {
                string type = f.Kind == FactKind.Enum ? "enum " + string.Join(" | ", f.Values) : f.TypeName + (f.Kind == FactKind.Int ? " >= " + f.Min : string.Empty);
                w.WriteLine("  " + f.Name.PadRight(24) + " " + type.PadRight(44) + " " + f.Text);
            }

            w.WriteLine();
            w.WriteLine("FORCES: " + string.Join(", ", library.Forces.Select(f => f.Id)));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Limits(Model.RuleLibrary library, PowerRule rule) =>
        (rule.Forces is { } f ? " (" + ForceList(library, f) + ")" : string.Empty)
        + (rule.Nations is { } n ? " (only in " + string.Join(", ", n.Order(StringComparer.Ordinal)) + ")" : string.Empty);

    // A force list covering most forces is printed as its complement, so 43 names are not repeated per version.
    private static string ForceList(Model.RuleLibrary library, IReadOnlySet<string> forces)
    {
        var others = library.Forces.Select(f => f.Id).Where(id => !forces.Contains(id)).Order(StringComparer.Ordinal).ToList();
        return forces.Count > others.Count
            ? "every force but " + string.Join(", ", others)
            : "only " + string.Join(", ", forces.Order(StringComparer.Ordinal));
    }
}
