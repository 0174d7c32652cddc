namespace Powers.LanguageServer.Tests;

/// <summary>
/// Well-framed messages that are not valid JSON-RPC, or carry parameters of the wrong shape, with what the server
/// answers: the cases of <c>InvalidMessageTests</c>, which the workbench's tests also send over its WebSocket
/// (the file is linked into Powers.Workbench.Tests), so both transports are held to the same answers.
/// </summary>
public static class InvalidMessages
{
    /// <summary>A request the server answers with a result once it has survived a bad message.</summary>
    public const string Hover = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.json\"},\"position\":{\"line\":0,\"character\":0}}}";

    /// <summary>Requests answered with an error: the message, the error code, the answer's id as JSON.</summary>
    public static TheoryData<string, int, string> Requests => new()
    {
        { "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":5,\"position\":{\"line\":0,\"character\":0}}}", -32602, "1" },
        { "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.json\"},\"position\":{\"line\":\"zero\",\"character\":0}}}", -32602, "2" },
        { "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/completion\",\"params\":[1,2,3]}", -32602, "3" },
        { "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":\"hello\"}", -32600, "4" },
        { "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"textDocument/hover\",\"params\":17}", -32600, "5" },
        { "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"textDocument/hover\",\"params\":{}}", -32600, "null" },
        { "{\"jsonrpc\":\"2.0\",\"id\":[6],\"method\":\"shutdown\"}", -32600, "null" },
        { "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"shutdown\"}", -32600, "null" },
        { "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"no/such/method\",\"params\":{}}", -32601, "7" },
        { "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":42}", -32600, "8" },
        { "{\"jsonrpc\":\"2.0\",\"id\":9}", -32600, "9" },
        { "[1,2]", -32600, "null" },
        { "42", -32600, "null" },
        { "{\"jsonrpc\":\"2.0\",\"id\":10,", -32700, "null" },
    };

    /// <summary>Requests whose error is pinned word for word: the message, then the answer's id, code and message.</summary>
    public static TheoryData<string, string> Explained => new()
    {
        { "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":\"hello\"}", "4 -32600 Invalid request: 'params' must be an object or an array" },
        { "{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"shutdown\"}", "null -32600 Invalid request: 'id' must be a string, an integer or null" },
        { "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\"}]", "null -32600 Invalid request: the message is a batch (an array), which this server does not take" },
        { "{\"jsonrpc\":\"1.0\",\"id\":5,\"method\":\"shutdown\"}", "5 -32600 Invalid request: 'jsonrpc' must be \"2.0\"" },
        { "{\"jsonrpc\":\"2.0\",\"id\":\"h\",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///a.json\"},\"position\":{\"line\":\"zero\",\"character\":0}}}", "\"h\" -32602 Invalid params: the value at $.position.line is not of the type the method takes" },
    };

    /// <summary>Notifications with bad parameters and stray responses: no answer, and the server reads on.</summary>
    public static TheoryData<string> Unanswered => new()
    {
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":7}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":\"edit\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":3,\"version\":\"x\"},\"contentChanges\":5}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\",\"params\":[true]}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"no/such/notification\",\"params\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":55,\"result\":1}",
        "{\"jsonrpc\":\"2.0\",\"id\":56,\"error\":{\"code\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":{\"not\":\"an id\"}}}",
    };
}
