using System.Net;
using System.Text;
using System.Text.Json;
using Powers.ControlRoom;
using Powers.Hosting.Tests.TestSupport;

namespace Powers.Hosting.Tests.Samples;

/// <summary>The control-room sample, over a real socket on 127.0.0.1.</summary>
public sealed class ControlRoomAppTests : IAsyncLifetime, IDisposable
{
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        _app = ControlRoomApp.Build(["--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        string address = Assert.Single(_app.Urls);
        Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public void Dispose() => _client?.Dispose();

    [Fact]
    public async Task PostDecide_Query_ReturnsDecisionDocument()
    {
        using var response = await _client!.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(Guid.TryParse(Assert.Single(response.Headers.GetValues("X-Decision-Id")), out _));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2012-07-10", document.RootElement.GetProperty("ruleset").GetProperty("version").GetString());
        var entry = document.RootElement.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("power").GetString() == "entry-to-save-life");
        Assert.Equal("permitted", entry.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task PostDecide_DetailOutcomes_ReturnsEachPowersOutcomeOnly()
    {
        using var response = await _client!.PostAsync(new Uri("/decide?detail=outcomes", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-Decision-Id"));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("permitted", document.RootElement.GetProperty("entry-to-save-life").GetString());
        Assert.False(document.RootElement.TryGetProperty("decisions", out _));
    }

    [Fact]
    public async Task PostDecide_DetailReasons_ReturnsReasonsWithoutTexts()
    {
        using var response = await _client!.PostAsync(new Uri("/decide?detail=reasons", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = document.RootElement.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("power").GetString() == "entry-to-save-life");
        Assert.Equal("permitted", entry.GetProperty("outcome").GetString());
        Assert.False(entry.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task PostDecide_UnknownDetail_Returns400NamingItWithoutDeciding()
    {
        using var response = await _client!.PostAsync(new Uri("/decide?detail=everything", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Decision-Id"));
        Assert.Equal("""{"errors":[{"code":"invalid-detail","field":"detail","message":"detail is full, reasons or outcomes"}]}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"date":"/etc/passwd<script>","designation":"met-2002-security"}""", "date", "passwd", "PQ0101", "not a date (YYYY-MM-DD)")]
    [InlineData("""{"date":"2013-03-01","designation":"met-2002-securty<img src=x>"}""", "designation", "img", "PQ0105", "unknown designation")]
    [InlineData("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"/home/alice<b>":true}}""", "facts", "alice", "PQ0108", "unknown fact")]
    [InlineData("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":"/srv/secret"}}""", "facts.inUniform", "secret", "PQ0002", "a value of the wrong type")]
    [InlineData("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":123456789012345678901234567890}}""", "facts.inUniform", "123456789012345678901234567890", "PQ0002", "a value of the wrong type")]
    public async Task PostDecide_HostileValue_Returns400ByCodeAndFieldWithoutEchoingIt(string query, string field, string echo, string code, string message)
    {
        using var response = await _client!.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(query, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        string body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(echo, body, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(body);
        var error = Assert.Single(document.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostDecide_HostileDetail_Returns400WithoutEchoingIt()
    {
        using var response = await _client!.PostAsync(new Uri("/decide?detail=%3Cscript%3E/etc/passwd", UriKind.Relative), new StringContent(RulesDirectory.Query, Encoding.UTF8, "application/json"));

        string body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("script", body, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostDecide_BadQuery_Returns400NamingTheField()
    {
        using var response = await _client!.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent("""{"date":"2013-03-01","designation":"met-2002-securty"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Decision-Id"));
        string body = await response.Content.ReadAsStringAsync();
        // Column 36: the value's opening quote. The message is the code's title, never the engine's (which quotes the value).
        Assert.Equal("""{"errors":[{"code":"PQ0105","field":"designation","line":1,"column":36,"message":"unknown designation"}]}""", body);
    }

    [Fact]
    public async Task PostDecide_HugeBody_Returns413()
    {
        string huge = "{\"date\":\"" + new string('x', ControlRoomApp.MaxQueryBytes) + "\"}";

        using var response = await _client!.PostAsync(new Uri("/decide", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PostDecide_ChunkedBodyOverTheCapInBytesButNotInCharacters_Returns413()
    {
        // 40,000 two-byte characters: 80,000 bytes, over the 64 KiB cap, in fewer than 65,536 characters.
        byte[] body = Encoding.UTF8.GetBytes("{\"date\":\"" + new string('é', 40_000) + "\"}");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/decide", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client!.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GetHealth_Started_HealthyWithRuleSet()
    {
        using var response = await _client!.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", document.RootElement.GetProperty("status").GetString());
        var data = document.RootElement.GetProperty("entries").GetProperty("powers").GetProperty("data");
        Assert.StartsWith("pra2002-sch4@", data.GetProperty("ruleset").GetString(), StringComparison.Ordinal);
        Assert.Equal(64, data.GetProperty("sha256").GetString()!.Length);
    }
}
