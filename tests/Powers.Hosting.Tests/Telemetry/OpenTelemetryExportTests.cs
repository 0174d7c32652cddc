using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Powers.Hosting.Tests.Telemetry;

/// <summary>
/// The metrics and traces reach OpenTelemetry with nothing but the names of <see cref="PowersTelemetry"/>, the way
/// an application exports them (here to the in-memory exporter instead of OTLP or Prometheus).
/// </summary>
public sealed class OpenTelemetryExportTests
{
    [Fact]
    public async Task Decide_OpenTelemetryInTheHost_ExportsEveryDecisionInstrumentAndTheDecideSpan()
    {
        var metrics = new List<Metric>();
        var spans = new List<Activity>();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddPowers();
        builder.Services.AddOpenTelemetry()
            // No periodic export while the test runs: only ForceFlush (and the export at shutdown) collects. With an
            // export every 10 ms, a ForceFlush that came while the reader's thread was collecting joined that
            // collection, begun before the decision, and the decision's instruments were missing at load (seen once:
            // only powers.library.generation exported). The test still reads only after the host stopped.
            .WithMetrics(m => m.AddMeter(PowersTelemetry.MeterName).AddInMemoryExporter(metrics, r => r.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 3_600_000))
            .WithTracing(t => t.AddSource(PowersTelemetry.ActivitySourceName).AddInMemoryExporter(spans));
        PowersAnswer answer;
        using (var host = builder.Build())
        {
            await host.StartAsync();
            answer = host.Services.GetRequiredService<IPowersService>().Decide("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""");
            host.Services.GetRequiredService<MeterProvider>().ForceFlush();
            host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            await host.StopAsync();
        }

        // Disposing the host disposed the providers, which stops the periodic metric reader's thread: nothing writes
        // the exporters' lists any more. Reading them while the host was alive raced that thread's exports ("Collection
        // was modified", seen under load at the first read of 'metrics').
        Assert.True(answer.Succeeded);
        string[] names = metrics.Select(m => m.Name).Distinct().ToArray();
        Assert.Contains(PowersTelemetry.Decisions, names);
        Assert.Contains(PowersTelemetry.PowerOutcomes, names);
        Assert.Contains(PowersTelemetry.DecisionDuration, names);
        Assert.Contains(PowersTelemetry.LibraryGeneration, names);
        var duration = metrics.Last(m => m.Name == PowersTelemetry.DecisionDuration);
        Assert.Equal("s", duration.Unit);
        Assert.Equal(MetricType.Histogram, duration.MetricType);
        Assert.Contains(spans, s => s.OperationName == PowersTelemetry.DecideActivity && (string?)s.GetTagItem("powers.decision.id") == answer.DecisionId);
    }
}
