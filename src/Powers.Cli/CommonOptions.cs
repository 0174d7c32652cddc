using System.CommandLine;

namespace Powers.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rules() => new("--rules")
    {
        Description = "The rule library directory (default: ./rules or the current directory when it holds a library, else the library embedded in the package).",
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

    /// <summary>The time limit of an exhaustive analysis (verify, diff), in seconds.</summary>
    public static Option<double> TimeLimit() => new("--time-limit")
    {
        Description = "Stop the analysis after this many seconds and say it is too large (exit code 2) rather than run on; it also stops past 20 million situation classes or 100,000 distinct cases (memory). Default 30; 1000000 or more: no time limit, only those.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    /// <summary>The budget of an exhaustive analysis with the <c>--time-limit</c> given.</summary>
    public static Analysis.AnalysisBudget Budget(ParseResult parse, Option<double> timeLimit)
    {
        ArgumentNullException.ThrowIfNull(parse);
        double seconds = parse.GetValue(timeLimit);
        return new Analysis.AnalysisBudget { TimeLimit = double.IsFinite(seconds) && seconds >= 0 && seconds < 1e6 ? TimeSpan.FromSeconds(seconds) : Timeout.InfiniteTimeSpan };
    }

    /// <summary>The optional <c>DIR</c> argument of the commands that read a library as their subject.</summary>
    public static Argument<string?> Directory() => new("DIR")
    {
        Description = "The rule library directory (default: ./rules or the current directory when it holds a library, else the library embedded in the package); --rules DIR does the same.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>The library directory from <c>DIR</c> or <c>--rules</c>; both given and different is bad input.</summary>
    public static bool TryGetDirectory(ParseResult parse, Argument<string?> directory, Option<string?> rules, CliConsole console, out string? chosen)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(console);
        string? positional = parse.GetValue(directory);
        string? option = parse.GetValue(rules);
        chosen = positional ?? option;
        if (positional is not null && option is not null && positional != option)
        {
            console.Error.WriteLine("powers: bad input: give the rule library once, as DIR or as --rules DIR, not '" + positional + "' and '" + option + "'");
            return false;
        }

        return true;
    }
}
