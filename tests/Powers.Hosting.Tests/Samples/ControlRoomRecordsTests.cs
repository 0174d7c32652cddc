using System.Net;
using System.Text;
using System.Text.Json;
using Powers.ControlRoom;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Samples;

/// <summary>The control-room sample with decision records on a disk that fills up (a real tmpfs).</summary>
public sealed class ControlRoomRecordsTests
{
    [Fact]
    public async Task PostDecide_RecordsDiskFull_Returns503WithoutThePathAndHealthUnhealthy()
    {
        using var disk = TmpfsMount.Create(64 * 1024);
        string path = Path.Combine(disk.Path, "decisions.ndjson");
        await using var app = ControlRoomApp.Build(["--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning", "--Powers:RecordDecisions=true", "--Powers:DecisionRecordsPath=" + path]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(Assert.Single(app.Urls)), Timeout = TimeSpan.FromSeconds(30) };
        disk.Fill();

        using var response = await client.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Decision-Id"));
        // Why is in the log and the health check's own data, not in an answer to a caller: no path on this machine.
        Assert.Equal("""{"errors":[{"code":"not-recorded","field":"","message":"the decision could not be recorded, so it is withheld"}]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        string healthBody = await health.Content.ReadAsStringAsync();
        Assert.DoesNotContain(disk.Path, healthBody, StringComparison.Ordinal);
        using var healthDocument = JsonDocument.Parse(healthBody);
        Assert.Equal("Unhealthy", healthDocument.RootElement.GetProperty("status").GetString());
        Assert.True(healthDocument.RootElement.GetProperty("entries").GetProperty("powers").GetProperty("data").TryGetProperty("recordsErrorAt", out _));
        await app.StopAsync();
    }
}
