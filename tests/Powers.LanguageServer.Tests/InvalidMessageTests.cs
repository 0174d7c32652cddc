using System.Text.Json;

namespace Powers.LanguageServer.Tests;

/// <summary>
/// Well-framed messages that are not valid JSON-RPC, or carry parameters of the wrong shape: the server answers each
/// request with the JSON-RPC error for it, ignores a bad notification, and keeps serving.
/// </summary>
public sealed class InvalidMessageTests
{
    private const string Hover = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.json\"},\"position\":{\"line\":0,\"character\":0}}}";

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}}", -32602, "1")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.json\"},\"position\":{\"line\":\"zero\",\"character\":0}}}", -32602, "2")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/completion\",\"params\":[1,2,3]}", -32602, "3")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":\"hello\"}", -32600, "4")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":17}", -32600, "5")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\",\"params\":{}}", -32600, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":[6],\"method\":\"shutdown\"}", -32600, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"shutdown\"}", -32600, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such/method\",\"params\":{}}", -32601, "7")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}", -32600, "8")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":9}", -32600, "9")]
    [InlineData("[1,2]", -32600, "null")]
    [InlineData("42", -32600, "null")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":10,", -32700, "null")]
    public async Task Request_Invalid_AnsweredWithTheErrorAndKeepsServing(string message, int code, string id)
    {
        using var library = new TestLibrary();
        await using var connection = await RawLspConnection.StartAsync(library.Root);

        var response = await connection.RequestAsync(message);

        Assert.True(response.TryGetProperty("error", out var error), response.GetRawText());
        Assert.True(error.GetProperty("code").GetInt32() == code && response.GetProperty("id").GetRawText() == id, response.GetRawText());
        await AssertServesAsync(connection);
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":\"hello\"}", "4 -32600 Invalid request: 'params' must be an object or an array")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"shutdown\"}", "null -32600 Invalid request: 'id' must be a string, an integer or null")]
    [InlineData("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]", "null -32600 Invalid request: the message is a batch (an array), which this server does not take")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"shutdown\"}", "5 -32600 Invalid request: 'jsonrpc' must be \"2.0\"")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.json\"},\"position\":{\"line\":\"zero\",\"character\":0}}}", "\"h\" -32602 Invalid params: the value at $.position.line is not of the type the method takes")]
    public async Task Request_Invalid_ErrorSaysWhat(string message, string expected)
    {
        using var library = new TestLibrary();
        await using var connection = await RawLspConnection.StartAsync(library.Root);

        var response = await connection.RequestAsync(message);

        var error = response.GetProperty("error");
        Assert.Equal(expected, response.GetProperty("id").GetRawText() + " " + error.GetProperty("code").GetInt32() + " " + error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("data", out _));
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":\"edit\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":3,\"version\":\"x\"},\"contentChanges\":5}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\",\"params\":[true]}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"no/such/notification\",\"params\":{}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":55,\"result\":1}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":56,\"error\":{\"code\":\"x\"}}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":{\"not\":\"an id\"}}}")]
    public async Task Notification_BadParamsOrStrayResponse_IgnoredAndKeepsServing(string message)
    {
        using var library = new TestLibrary();
        await using var connection = await RawLspConnection.StartAsync(library.Root);

        await connection.SendAsync(message);

        await AssertServesAsync(connection);
    }

    [Fact]
    public async Task DidOpen_AfterBadMessages_DocumentStillCompiled()
    {
        using var library = new TestLibrary();
        await using var connection = await RawLspConnection.StartAsync(library.Root);
        await connection.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}");
        await connection.RequestAsync("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\",\"params\":{}}");
        string uri = library.UriOf("pra2002/2012-07-10.json");
        string open = JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            method = "textDocument/didOpen",
            @params = new { textDocument = new { uri, languageId = "json", version = 1, text = library.Read("pra2002/2012-07-10.json") } },
        });

        await connection.SendAsync(open);
        var symbols = await connection.RequestAsync("{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"textDocument/documentSymbol\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri) + "}}}");

        Assert.Equal(JsonValueKind.Array, symbols.GetProperty("result").ValueKind);
        Assert.NotEqual(0, symbols.GetProperty("result").GetArrayLength());
    }

    private static async Task AssertServesAsync(RawLspConnection connection)
    {
        var answer = await connection.RequestAsync(Hover);
        Assert.Equal("99", answer.GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
        Assert.False(connection.Server.IsCompleted);
    }
}
