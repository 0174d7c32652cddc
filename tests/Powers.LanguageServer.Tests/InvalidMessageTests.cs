using System.Text.Json;

namespace Powers.LanguageServer.Tests;

/// <summary>
/// Well-framed messages that are not valid JSON-RPC, or carry parameters of the wrong shape: the server answers each
/// request with the JSON-RPC error for it, ignores a bad notification, and keeps serving. The cases are in
/// <see cref="InvalidMessages"/>, which the workbench's tests send over its WebSocket too.
/// </summary>
public sealed class InvalidMessageTests
{
    [Theory]
    [MemberData(nameof(InvalidMessages.Requests), MemberType = typeof(InvalidMessages))]
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
    [MemberData(nameof(InvalidMessages.Explained), MemberType = typeof(InvalidMessages))]
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
    [MemberData(nameof(InvalidMessages.Unanswered), MemberType = typeof(InvalidMessages))]
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
        var answer = await connection.RequestAsync(InvalidMessages.Hover);
        Assert.Equal("99", answer.GetProperty("id").GetRawText());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("result").ValueKind);
        Assert.False(connection.Server.IsCompleted);
    }
}
