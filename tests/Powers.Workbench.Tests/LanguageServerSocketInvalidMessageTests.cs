using System.Text.Json;
using Powers.LanguageServer.Tests;

namespace Powers.Workbench.Tests;

/// <summary>
/// The language server's answers to well-framed but invalid JSON-RPC (<c>InvalidMessageTests</c>, the same cases),
/// over the workbench's WebSocket: each bad message is answered or dropped and the next request is still answered.
/// Before, StreamJsonRpc's WebSocket handler ended the connection on the first (issue 21, item 4).
/// </summary>
public sealed class LanguageServerSocketInvalidMessageTests(SharedWorkbench shared) : IClassFixture<SharedWorkbench>
{
    [Theory]
    [MemberData(nameof(InvalidMessages.Requests), MemberType = typeof(InvalidMessages))]
    public async Task Request_InvalidOverTheWebSocket_AnsweredWithTheErrorAndKeepsServing(string message, int code, string id)
    {
        using var socket = await LspSocket.ConnectAsync(shared.Workbench);

        var response = await socket.RequestAsync(message);

        Assert.True(response.TryGetProperty("error", out var error), response.GetRawText());
        Assert.True(error.GetProperty("code").GetInt32() == code && response.GetProperty("id").GetRawText() == id, response.GetRawText());
        await AssertServesAsync(socket);
    }

    [Theory]
    [MemberData(nameof(InvalidMessages.Explained), MemberType = typeof(InvalidMessages))]
    public async Task Request_InvalidOverTheWebSocket_ErrorSaysWhatAndKeepsServing(string message, string expected)
    {
        using var socket = await LspSocket.ConnectAsync(shared.Workbench);

        var response = await socket.RequestAsync(message);

        var error = response.GetProperty("error");
        Assert.Equal(expected, response.GetProperty("id").GetRawText() + " " + error.GetProperty("code").GetInt32() + " " + error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("data", out _));
        await AssertServesAsync(socket);
    }

    [Theory]
    [MemberData(nameof(InvalidMessages.Unanswered), MemberType = typeof(InvalidMessages))]
    public async Task Notification_BadParamsOrStrayResponseOverTheWebSocket_IgnoredAndKeepsServing(string message)
    {
        using var socket = await LspSocket.ConnectAsync(shared.Workbench);

        await socket.SendAsync(message);

        await AssertServesAsync(socket);
    }

    [Fact]
    public async Task DidOpen_AfterBadMessagesOverTheWebSocket_DocumentStillCompiled()
    {
        using var socket = await LspSocket.ConnectAsync(shared.Workbench);
        await socket.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}");
        await socket.RequestAsync("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\",\"params\":{}}");
        string path = shared.Workbench.Rules.PathOf("pra2002/2012-07-10.json");
        string uri = new Uri(path).AbsoluteUri;
        string open = JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            method = "textDocument/didOpen",
            @params = new { textDocument = new { uri, languageId = "json", version = 1, text = File.ReadAllText(path) } },
        });

        await socket.SendAsync(open);
        var symbols = await socket.RequestAsync("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri) + "}}}");

        Assert.Equal(JsonValueKind.Array, symbols.GetProperty("result").ValueKind);
        Assert.NotEqual(0, symbols.GetProperty("result").GetArrayLength());
    }

    private static async Task AssertServesAsync(LspSocket socket)
    {
        var answer = await socket.RequestAsync(InvalidMessages.Hover);
        Assert.Equal("99", answer.GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
    }
}
