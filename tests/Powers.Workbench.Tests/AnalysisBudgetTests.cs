using System.Net;
using System.Text;
using Powers.Analysis;

namespace Powers.Workbench.Tests;

/// <summary>A diff or timeline that needs more than the workbench's budget answers 422 with the reason, as <c>powers diff</c> exits 2.</summary>
public sealed class AnalysisBudgetTests : IAsyncLifetime, IDisposable
{
    private RunningWorkbench _workbench = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _workbench = await RunningWorkbench.StartAsync(analysis: new AnalysisBudget { MaxSteps = 1 });
        _http = new HttpClient { BaseAddress = new Uri(_workbench.Url("/")) };
    }

    public async Task DisposeAsync() => await _workbench.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Theory]
    [InlineData("/api/diff", """{ "from": "pra2002-sch4@2007-12-01", "to": "pra2002-sch4@2012-07-10", "designation": "met-2002-security", "power": "stop-search-authorised-area" }""")]
    [InlineData("/api/timeline", """{ "power": "stop-search-authorised-area", "designation": "met-2002-security", "facts": {} }""")]
    public async Task Analysis_OverBudget_422WithReasonNotA500(string path, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Powers-Csrf", _workbench.Csrf);
        request.Headers.Add("Origin", _workbench.Url(string.Empty));
        var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, response.StatusCode + ": " + text);
        Assert.Equal(
            "{\"error\":\"too large: more than 1 situation classes for power \\u0027stop-search-authorised-area\\u0027; narrow it with a power or a designation\"}",
            text);
    }
}
