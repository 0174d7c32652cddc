using System.Globalization;

namespace Powers.Properties.Tests.Support;

/// <summary>
/// How many cases each property runs: a base of <see cref="DefaultBase"/>, or the value of the environment variable
/// <c>POWERS_PROPERTY_ITERATIONS</c> for a long run; each property scales the base by its weight (percent) so the
/// expensive ones (compiling whole libraries) run fewer cases.
/// </summary>
public static class PropertyIterations
{
    /// <summary>The environment variable that sets the base.</summary>
    public const string Variable = "POWERS_PROPERTY_ITERATIONS";

    /// <summary>The environment variable holding a seed to replay, as FsCheck prints it: <c>(seed,gamma)</c>.</summary>
    public const string ReplayVariable = "POWERS_PROPERTY_REPLAY";

    /// <summary>The base when the variable is not set.</summary>
    public const int DefaultBase = 100;

    /// <summary>The base in force.</summary>
    public static int Base =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : DefaultBase;

    /// <summary>The cases for a property of a weight in percent of the base (at least 1).</summary>
    public static int For(int weightPercent) => Math.Max(1, (int)Math.Min(int.MaxValue, (long)Base * weightPercent / 100));

    /// <summary>The seed to replay, or null.</summary>
    public static string? Replay => Environment.GetEnvironmentVariable(ReplayVariable) is { Length: > 0 } r ? r : null;
}
