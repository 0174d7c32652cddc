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
    public async Task PostDecide_RecordsDiskFull_Returns503NamingTheSinkAndHealthUnhealthy()
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
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string message = document.RootElement.GetProperty("errors")[0].GetProperty("message").GetString()!;
        Assert.Matches("^Decision [0-9a-f-]{36} was not recorded by NdjsonFileDecisionRecordSink, so it is withheld: cannot append to '" + System.Text.RegularExpressions.Regex.Escape(path) + "': ", message);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        using var healthDocument = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", healthDocument.RootElement.GetProperty("status").GetString());
        await app.StopAsync();
    }
}
