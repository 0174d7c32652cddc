using System.Net;
using System.Text;
using Powers.ControlRoom;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Samples;

/// <summary>The sample's metrics endpoint, over a real socket on 127.0.0.1.</summary>
public sealed class ControlRoomTelemetryTests
{
    [Fact]
    public async Task GetMetrics_PrometheusConfigured_ServesThePowersInstruments()
    {
        await using var app = ControlRoomApp.Build(["--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning", "--ControlRoom:Telemetry:Prometheus=true"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        using var decided = await client.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));
        string metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains("powers_decisions_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("powers_result=\"decided\"", metrics, StringComparison.Ordinal);
        Assert.Contains("powers_decision_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("powers_library_generation", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMetrics_Default_IsNotServed()
    {
        await using var app = ControlRoomApp.Build(["--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
