using Microsoft.Extensions.Diagnostics.HealthChecks;
using Powers.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Powers health check to <see cref="IHealthChecksBuilder"/>.</summary>
public static class PowersHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check: <c>powers</c>.</summary>
    public const string DefaultName = "powers";

    /// <summary>
    /// Adds a health check reporting the active rule set, its revision and SHA-256, the library hash and the last
    /// reload error. Requires <c>AddPowers</c>.
    /// </summary>
    public static IHealthChecksBuilder AddPowersCheck(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.AddCheck<PowersHealthCheck>(name, failureStatus, tags ?? []);
    }
}
