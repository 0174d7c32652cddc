namespace Powers.Hosting;

/// <summary>Registered once the health check is added, so that adding it again does nothing.</summary>
internal sealed class PowersHealthCheckMarker;
