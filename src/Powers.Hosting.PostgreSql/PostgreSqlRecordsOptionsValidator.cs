using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Powers.Hosting.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlRecordsOptions"/> at start; every problem is reported at once.</summary>
internal sealed partial class PostgreSqlRecordsOptionsValidator(IServiceProvider services) : IValidateOptions<PostgreSqlRecordsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlRecordsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Powers:PostgreSql:ConnectionString: required.");
        }

        // The names go into SQL text, so only plain lower-case identifiers are accepted.
        if (!Identifier().IsMatch(options.Schema ?? string.Empty))
        {
            failures.Add($"Powers:PostgreSql:Schema: '{options.Schema}' is not a lower-case identifier (a-z, 0-9, _; at most 40 characters).");
        }

        if (!Identifier().IsMatch(options.Table ?? string.Empty))
        {
            failures.Add($"Powers:PostgreSql:Table: '{options.Table}' is not a lower-case identifier (a-z, 0-9, _; at most 40 characters).");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"Powers:PostgreSql:MaxBatchSize: {options.MaxBatchSize} is outside 1 to 10000.");
        }

        if (options.Writer is { Length: > 0 } writer && !IsWriterId(writer))
        {
            failures.Add($"Powers:PostgreSql:Writer: '{writer}' is not a writer id (1 to 100 of letters, digits and . _ - : @, starting with a letter or digit).");
        }

        if (options.WriteTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Powers:PostgreSql:WriteTimeout: {options.WriteTimeout} must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            ValidateSigning(options, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateSigning(PostgreSqlRecordsOptions options, List<string> failures)
    {
        if (options.CheckpointEvery < 1)
        {
            failures.Add($"Powers:PostgreSql:CheckpointEvery: {options.CheckpointEvery} is not a positive number of records.");
        }

        if (options.CheckpointInterval <= TimeSpan.Zero)
        {
            failures.Add($"Powers:PostgreSql:CheckpointInterval: {options.CheckpointInterval} is not a positive time.");
        }

        string path;
        try
        {
            path = PowersPaths.Resolve(options.SigningKey!, (IHostEnvironment?)services.GetService(typeof(IHostEnvironment)));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            failures.Add($"Powers:PostgreSql:SigningKey: '{options.SigningKey}' is not a valid path ({e.Message}).");
            return;
        }

        try
        {
            RecordCheckpointSigner.ReadKey(path).Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            failures.Add($"Powers:PostgreSql:SigningKey: {(e is ArgumentException ? e.Message.Split(" (Parameter", 2)[0] : "cannot read '" + path + "': " + e.Message)}.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,39}$")]
    private static partial Regex Identifier();

    /// <summary>Whether <paramref name="writer"/> can be a chain's writer id: written into each record as it is, so only characters JSON needs no escape for.</summary>
    internal static bool IsWriterId(string writer) => WriterId().IsMatch(writer);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$")]
    private static partial Regex WriterId();
}
