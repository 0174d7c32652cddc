using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Powers.LanguageServer;
using Powers.LanguageServer.Server;

namespace Powers.Workbench;

/// <summary>
/// <c>/lsp</c>: the <c>powers lsp</c> server itself, one per page, spoken over a WebSocket (one LSP message per
/// WebSocket message) and confined to the rules folder: the page cannot make it read another file.
/// </summary>
internal static class LanguageServerSocket
{
    public static async Task Serve(HttpContext context, RulesFolder folder, WorkbenchOptions options, TextWriter log)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await WorkbenchApi.WriteError(context, 400, "this address speaks the Language Server Protocol over a WebSocket");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var capped = new CappedWebSocket(socket, options.MaxLspMessageBytes);
        var handler = new SocketMessageHandler(capped, ProtocolJson.CreateServerFormatter());
        var serverOptions = new LanguageServerOptions { ConfineTo = folder.Root, Log = log };
        try
        {
            await LanguageServerHost.RunAsync(handler, serverOptions, context.RequestAborted);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The page went away; its server goes with it.
        }

        // Open: the server ended (exit); CloseReceived: the page closed, and its close is answered.
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
    }
}
