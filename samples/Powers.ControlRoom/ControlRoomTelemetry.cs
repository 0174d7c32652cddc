using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Powers.Hosting;

namespace Powers.ControlRoom;

/// <summary>
/// Exports the metrics and traces of Powers.Hosting (and of ASP.NET Core) when configuration asks for it; off by
/// default. <c>ControlRoom:Telemetry:Prometheus</c> true serves the metrics at <c>GET /metrics</c> on the
/// loopback endpoint; <c>ControlRoom:Telemetry:OtlpEndpoint</c> (e.g. <c>http://127.0.0.1:4317</c>) pushes metrics
/// and traces to an OpenTelemetry collector.
/// </summary>
internal static class ControlRoomTelemetry
{
    public static void Add(WebApplicationBuilder builder)
    {
        bool prometheus = builder.Configuration.GetValue("ControlRoom:Telemetry:Prometheus", false);
        string? otlp = builder.Configuration["ControlRoom:Telemetry:OtlpEndpoint"];
        bool useOtlp = !string.IsNullOrWhiteSpace(otlp);
        if (!prometheus && !useOtlp)
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry();
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(PowersTelemetry.MeterName).AddAspNetCoreInstrumentation();
            if (prometheus)
            {
                metrics.AddPrometheusExporter();
            }

            if (useOtlp)
            {
                metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp!));
            }
        });
        if (useOtlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(PowersTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(otlp!)));
        }
    }

    public static void Map(WebApplication app)
    {
        if (app.Configuration.GetValue("ControlRoom:Telemetry:Prometheus", false))
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }
    }
}
