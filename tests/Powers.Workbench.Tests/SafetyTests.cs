using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Powers.Workbench.Tests;

/// <summary>Safe by default: loopback, the token, no path out of the rules folder, CSRF on writes, body caps.</summary>
public sealed class SafetyTests : IAsyncLifetime, IDisposable
{
    private RunningWorkbench _workbench = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _workbench = await RunningWorkbench.StartAsync(maxFileBytes: 4096);
        _http = new HttpClient { BaseAddress = new Uri(_workbench.Url("/")) };
    }

    public async Task DisposeAsync() => await _workbench.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void StartAsync_Default_ListensOnLoopbackOnly()
    {
        Assert.Equal("127.0.0.1", _workbench.Address.Host);
        Assert.NotEqual(0, _workbench.Address.Port);
    }

    [Fact]
    public async Task StartAsync_OtherAddressWithoutToken_Refused()
    {
        var options = new WorkbenchOptions { RulesDirectory = _workbench.Rules.Root, Address = IPAddress.Any };
        var e = await Assert.ThrowsAsync<ArgumentException>(() => WorkbenchServer.StartAsync(options, TextWriter.Null));
        Assert.StartsWith("listening on 0.0.0.0 needs a token (--token)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workbench_ListenWithoutToken_BadInput()
    {
        var (code, _, error) = Powers.Run("workbench", "--rules", _workbench.Rules.Root, "--listen", "0.0.0.0");
        Assert.Equal(2, code);
        Assert.Equal("powers: bad input: --listen 0.0.0.0 needs --token: anyone who can reach that address could edit the rules" + Environment.NewLine, error);
    }

    [Fact]
    public void Workbench_FolderWithoutFacts_BadInput()
    {
        string empty = Directory.CreateTempSubdirectory("powers-empty").FullName;
        try
        {
            var (code, _, error) = Powers.Run("workbench", "--rules", empty);
            Assert.Equal(2, code);
            Assert.Equal("powers: bad input: --rules: '" + empty + "' holds no facts.json, so it is not a rule library" + Environment.NewLine, error);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task Request_WithToken_RequiredOnEveryRequest()
    {
        await using var guarded = await RunningWorkbench.StartAsync(token: "s3cret-token");
        using var http = new HttpClient { BaseAddress = new Uri(guarded.Url("/")) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/library")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/?token=wrong")).StatusCode);
        using var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/library");
        withHeader.Headers.Add("X-Powers-Token", "s3cret-token");
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);
        var first = await http.GetAsync("/?token=s3cret-token");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("powers-token=s3cret-token;", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("?token=s3cret-token", guarded.Address.Query);
    }

    [Fact]
    public async Task Request_ForeignHost_Refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/library");
        request.Headers.Host = "attacker.example:" + _workbench.Address.Port;
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("../facts.json", "the path '../facts.json' leaves the rules folder")]
    [InlineData("pra2002/../../x.json", "the path 'pra2002/../../x.json' leaves the rules folder")]
    [InlineData("/etc/passwd.json", "the path '/etc/passwd.json' leaves the rules folder")]
    [InlineData("facts.txt", "only rule files (.json) can be opened")]
    public async Task ReadFile_PathLeavingFolder_Refused(string path, string message)
    {
        var response = await _http.GetAsync("/api/file?path=" + Uri.EscapeDataString(path));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(message, await Error(response));
    }

    [Fact]
    public async Task ReadAndWriteFile_ThroughSymbolicLink_Refused()
    {
        string outside = Directory.CreateTempSubdirectory("powers-outside").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.json"), "{\"secret\": true}");
            File.CreateSymbolicLink(_workbench.Rules.PathOf("leak.json"), Path.Combine(outside, "secret.json"));
            Directory.CreateSymbolicLink(_workbench.Rules.PathOf("linked"), outside);
            foreach (string path in new[] { "leak.json", "linked/secret.json" })
            {
                var read = await _http.GetAsync("/api/file?path=" + path);
                Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
                Assert.Equal("the path '" + path + "' goes through a symbolic link", await Error(read));
                var write = await _http.SendAsync(Write(path, "{}", _workbench.Csrf));
                Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
            }

            Assert.Equal("{\"secret\": true}", File.ReadAllText(Path.Combine(outside, "secret.json")));
            // The file tree leaves links out (the compiler reports a link that leaves the folder as an error, unread).
            using var library = System.Text.Json.JsonDocument.Parse(await _http.GetStringAsync("/api/library"));
            var files = library.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
            Assert.Contains("facts.json", files);
            Assert.DoesNotContain(files, f => f == "leak.json" || f.StartsWith("linked/", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(_workbench.Rules.PathOf("leak.json"));
            Directory.Delete(_workbench.Rules.PathOf("linked"));
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task WriteFile_WithoutCsrfSecret_RefusedAndFileUnchanged()
    {
        string before = File.ReadAllText(_workbench.Rules.PathOf("forces.json"));
        var response = await _http.SendAsync(Write("forces.json", "{}", csrf: null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross-site request refused: the X-Powers-Csrf header is missing or wrong", await Error(response));
        Assert.Equal(before, File.ReadAllText(_workbench.Rules.PathOf("forces.json")));
    }

    [Fact]
    public async Task WriteFile_FromAnotherOrigin_RefusedEvenWithSecret()
    {
        string before = File.ReadAllText(_workbench.Rules.PathOf("forces.json"));
        using var request = Write("forces.json", "{}", _workbench.Csrf);
        request.Headers.Add("Origin", "http://attacker.example");
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross-site request refused (Origin 'http://attacker.example')", await Error(response));
        Assert.Equal(before, File.ReadAllText(_workbench.Rules.PathOf("forces.json")));
    }

    [Fact]
    public async Task WriteFile_SameOriginWithSecret_ReplacesFile()
    {
        using var request = Write("cases/new-case.json", "{ \"cases\": [] }\n", _workbench.Csrf);
        request.Headers.Add("Origin", _workbench.Url(string.Empty));
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{ \"cases\": [] }\n", File.ReadAllText(_workbench.Rules.PathOf("cases/new-case.json")));
        Assert.Empty(Directory.GetFiles(_workbench.Rules.PathOf("cases"), "*.tmp"));
    }

    [Fact]
    public async Task WriteFile_BodyOverCap_RefusedWith413()
    {
        var response = await _http.SendAsync(Write("forces.json", new string(' ', 4097), _workbench.Csrf));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Decide_BodyOverCap_RefusedWith413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/decide") { Content = new StringContent(new string(' ', (64 << 10) + 1), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Powers-Csrf", _workbench.Csrf);
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Decide_WithoutCsrfSecret_Refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/decide") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task LanguageServerSocket_FromAnotherOrigin_Refused()
    {
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", "http://attacker.example");
        var uri = new Uri("ws://" + _workbench.Address.Authority + "/lsp?csrf=" + _workbench.Csrf);
        await Assert.ThrowsAsync<System.Net.WebSockets.WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
    }

    private static async Task<string?> Error(HttpResponseMessage response)
    {
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("error").GetString();
    }

    private static HttpRequestMessage Write(string path, string text, string? csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/file?path=" + Uri.EscapeDataString(path)) { Content = new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("application/json")) };
        if (csrf is not null)
        {
            request.Headers.Add("X-Powers-Csrf", csrf);
        }

        return request;
    }
}
