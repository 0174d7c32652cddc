using System.CommandLine;

namespace Powers.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "A rule library directory to use instead of the library embedded in the package.",
        HelpName = "DIR",
    };

    public static Option<string> Format(string defaultValue, params string[] values)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", values) + ".",
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
