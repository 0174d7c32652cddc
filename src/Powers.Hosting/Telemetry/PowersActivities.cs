using System.Diagnostics;

namespace Powers.Hosting.Telemetry;

/// <summary>
/// The one activity source of Powers.Hosting. Static, as .NET recommends for an <see cref="ActivitySource"/>:
/// without a listener, <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and costs a
/// field read.
/// </summary>
internal static class PowersActivities
{
    public static readonly ActivitySource Source = new(PowersTelemetry.ActivitySourceName);
}
