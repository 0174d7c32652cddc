using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Powers.Workbench.Tests;

/// <summary>
/// /lsp is the powers lsp server over a WebSocket, confined to the rules folder: it answers for a file inside and
/// treats the same file outside (here, the repository's own rules folder) as absent.
/// </summary>
public sealed class LanguageServerSocketTests
{
    [Fact]
    public async Task Hover_InsideAndOutsideRulesFolder_AnsweredOnlyInside()
    {
        await using var workbench = await RunningWorkbench.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri("ws://" + workbench.Address.Authority + "/lsp?csrf=" + workbench.Csrf), CancellationToken.None);
        await Send(socket, """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"file:///","capabilities":{}}}""");
        Assert.True((await Response(socket, 1)).TryGetProperty("capabilities", out _));
        await Send(socket, """{"jsonrpc":"2.0","method":"initialized","params":{}}""");

        string text = File.ReadAllText(Path.Combine(Paths.Rules, "facts.json"));
        int line = text[..text.IndexOf("\"inUniform\"", StringComparison.Ordinal)].Count(c => c == '\n');
        var inside = await Hover(socket, 2, new Uri(workbench.Rules.PathOf("facts.json")).AbsoluteUri, line);
        var outside = await Hover(socket, 3, new Uri(Path.Combine(Paths.Rules, "facts.json")).AbsoluteUri, line);
        Assert.Equal(JsonValueKind.Object, inside.ValueKind);
        Assert.Contains("inUniform", inside.GetProperty("contents").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, outside.ValueKind);
    }

    private static async Task<JsonElement> Hover(ClientWebSocket socket, int id, string uri, int line)
    {
        await Send(socket, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":" + JsonSerializer.Serialize(uri) + "},\"position\":{\"line\":" + line + ",\"character\":6}}}");
        return await Response(socket, id);
    }

    private static Task Send(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The result of the response with this id; notifications (diagnostics) in between are passed over.</summary>
    private static async Task<JsonElement> Response(ClientWebSocket socket, int id)
    {
        var buffer = new byte[1 << 16];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            using var document = JsonDocument.Parse(message.ToArray());
            if (document.RootElement.TryGetProperty("id", out var got) && got.ValueKind == JsonValueKind.Number && got.GetInt32() == id)
            {
                return document.RootElement.GetProperty("result").Clone();
            }
        }
    }
}
