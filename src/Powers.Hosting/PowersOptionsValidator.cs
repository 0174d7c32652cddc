using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Powers.Hosting;

/// <summary>Checks <see cref="PowersOptions"/> when the host starts; every problem is reported at once.</summary>
internal sealed class PowersOptionsValidator(IServiceProvider services) : IValidateOptions<PowersOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PowersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = (IHostEnvironment?)services.GetService(typeof(IHostEnvironment));
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.RulesDirectory))
        {
            string? full = TryResolve(options.RulesDirectory, environment, "RulesDirectory", failures);
            if (full is not null && !Directory.Exists(full))
            {
                failures.Add($"Powers:RulesDirectory: no directory '{full}'.");
            }
        }

        if (options.TrustedKeys.Count > 0 && string.IsNullOrWhiteSpace(options.RulesDirectory))
        {
            failures.Add("Powers:TrustedKeys: the embedded library carries no signature; set Powers:RulesDirectory to a signed library, or remove the trusted keys.");
        }

        for (int i = 0; i < options.TrustedKeys.Count; i++)
        {
            string field = "TrustedKeys:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(options.TrustedKeys[i]) || TryResolve(options.TrustedKeys[i], environment, field, failures) is not { } path)
            {
                failures.Add($"Powers:{field}: give the path of a PEM public key.");
                continue;
            }

            try
            {
                _ = Compilation.TrustedKey.FromPemFile(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                failures.Add($"Powers:{field}: {(e is ArgumentException ? e.Message.Split(" (Parameter", 2)[0] : "cannot read '" + path + "': " + e.Message)}.");
            }
        }

        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > PowersOptions.MaxReloadDelay)
        {
            failures.Add($"Powers:ReloadDelay: {options.ReloadDelay} is outside 00:00:00 to {PowersOptions.MaxReloadDelay}.");
        }

        if (!Enum.IsDefined(options.Detail))
        {
            failures.Add($"Powers:Detail: {options.Detail} is not Full, Reasons or Outcomes.");
        }

        if (options.ExplainMaxSteps < 1)
        {
            failures.Add($"Powers:ExplainMaxSteps: {options.ExplainMaxSteps} is not a positive number of steps.");
        }

        if (options.ExplainTimeLimit <= TimeSpan.Zero && options.ExplainTimeLimit != Timeout.InfiniteTimeSpan)
        {
            failures.Add($"Powers:ExplainTimeLimit: {options.ExplainTimeLimit} is not a positive time (or -00:00:00.001 for none).");
        }

        if (options.RecordDecisions && !string.IsNullOrWhiteSpace(options.DecisionRecordsPath))
        {
            string? full = TryResolve(options.DecisionRecordsPath, environment, "DecisionRecordsPath", failures);
            if (full is not null)
            {
                if (Directory.Exists(full))
                {
                    failures.Add($"Powers:DecisionRecordsPath: '{full}' is a directory; name a file.");
                }
                else if (Path.GetDirectoryName(full) is { } parent && !Directory.Exists(parent))
                {
                    failures.Add($"Powers:DecisionRecordsPath: no directory '{parent}' for the records file.");
                }
            }
        }

        if (!string.IsNullOrWhiteSpace(options.DecisionRecordsSigningKey))
        {
            ValidateSigning(options, environment, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSigning(PowersOptions options, IHostEnvironment? environment, List<string> failures)
    {
        if (!options.RecordDecisions || string.IsNullOrWhiteSpace(options.DecisionRecordsPath))
        {
            failures.Add("Powers:DecisionRecordsSigningKey: checkpoints are written beside the records file; set Powers:RecordDecisions and Powers:DecisionRecordsPath, or remove the key.");
        }

        if (options.DecisionRecordsCheckpointEvery < 1)
        {
            failures.Add($"Powers:DecisionRecordsCheckpointEvery: {options.DecisionRecordsCheckpointEvery} is not a positive number of records.");
        }

        if (options.DecisionRecordsCheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add($"Powers:DecisionRecordsCheckpointInterval: {options.DecisionRecordsCheckpointInterval} is not a positive time.");
        }

        if (TryResolve(options.DecisionRecordsSigningKey!, environment, "DecisionRecordsSigningKey", failures) is not { } path)
        {
            return;
        }

        try
        {
            RecordCheckpointSigner.ReadKey(path).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            failures.Add($"Powers:DecisionRecordsSigningKey: {(e is ArgumentException ? e.Message.Split(" (Parameter", 2)[0] : "cannot read '" + path + "': " + e.Message)}.");
        }
    }

    private static string? TryResolve(string path, IHostEnvironment? environment, string field, List<string> failures)
    {
        try
        {
            return PowersPaths.Resolve(path, environment);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"Powers:{field}: '{path}' is not a valid path ({e.Message}).");
            return null;
        }
    }
}
