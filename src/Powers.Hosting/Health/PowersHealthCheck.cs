using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Powers.Hosting;

/// <summary>
/// Reports the rule library in service: the active rule set (the version of the default family in force today)
/// with its revision and SHA-256, the library hash, source, generation and load time, and the last reload error.
/// Healthy when the last reload succeeded; degraded while the last good library is served after a failed reload;
/// unhealthy when no library could be loaded, or when decision records are on and the last record could not be
/// written (decisions are then withheld) and the background probe of the sinks has not succeeded since.
/// </summary>
internal sealed class PowersHealthCheck(IPowersService powers, TimeProvider time, DecisionRecorder recorder) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        PowersSnapshot snapshot;
        try
        {
            snapshot = powers.Current;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "No rule library is loaded: " + e.Message, e));
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["source"] = snapshot.Source,
            ["librarySha256"] = snapshot.Sha256,
            ["generation"] = snapshot.Generation,
            ["loadedAt"] = snapshot.LoadedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        string active = "no rule set";
        if (snapshot.ActiveVersion(today) is { } version)
        {
            data["ruleset"] = version.Id;
            data["revision"] = version.Revision;
            data["sha256"] = version.Sha256;
            active = $"{version.Id} revision {version.Revision} (sha256 {version.Sha256})";
        }

        if (recorder.LastFailure is { } recordFailure)
        {
            data["recordsError"] = recordFailure.Sink + ": " + recordFailure.Reason;
            data["recordsErrorAt"] = recordFailure.At.ToString("O", CultureInfo.InvariantCulture);
            return Task.FromResult(new HealthCheckResult(HealthStatus.Unhealthy, $"Decisions cannot be recorded, so none are returned: {recordFailure.Sink}: {recordFailure.Reason}", data: data));
        }

        var failure = powers.LastReloadFailure;
        if (failure is not null)
        {
            data["lastReloadError"] = failure.Message;
            data["lastReloadErrorAt"] = failure.At.ToString("O", CultureInfo.InvariantCulture);
            return Task.FromResult(HealthCheckResult.Degraded($"Serving {active}; the last reload failed: {failure.Message}", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"Serving {active}", data));
    }
}
