using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Powers.Workbench.Tests;

/// <summary>
/// A client of the workbench's <c>/lsp</c> that sends whatever text it is given as one WebSocket message, as a buggy or
/// hostile page might, and reads each answer as it came.
/// </summary>
internal sealed class LspSocket : IDisposable
{
    // A bound on waiting for an answer that should come at once, generous for a loaded machine.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ClientWebSocket _socket = new();

    private LspSocket()
    {
    }

    /// <summary>Connects to the workbench's language server and initializes it, as the page does.</summary>
    public static async Task<LspSocket> ConnectAsync(RunningWorkbench workbench)
    {
        var client = new LspSocket();
        await client._socket.ConnectAsync(new Uri("ws://" + workbench.Address.Authority + "/lsp?csrf=" + workbench.Csrf), CancellationToken.None);
        string root = JsonSerializer.Serialize(new Uri(workbench.Rules.Root).AbsoluteUri);
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":" + root + ",\"capabilities\":{}}}");
        await client.ResponseAsync();
        await client.SendAsync("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        return client;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>Sends a request and returns the next response (one with a result or an error), notifications passed over.</summary>
    public async Task<JsonElement> RequestAsync(string json)
    {
        await SendAsync(json);
        return await ResponseAsync();
    }

    /// <summary>The next message from the server that is a response; fails when the server closes the connection instead.</summary>
    public async Task<JsonElement> ResponseAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                Assert.True(result.MessageType != WebSocketMessageType.Close, "the server closed the connection: " + result.CloseStatus + " " + result.CloseStatusDescription);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            using var document = JsonDocument.Parse(message.ToArray());
            if (document.RootElement.TryGetProperty("result", out _) || document.RootElement.TryGetProperty("error", out _))
            {
                return document.RootElement.Clone();
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
