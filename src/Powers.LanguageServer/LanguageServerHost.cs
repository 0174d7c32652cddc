using Powers.LanguageServer.Server;
using StreamJsonRpc;

namespace Powers.LanguageServer;

/// <summary>Runs the Powers language server (LSP 3.17, JSON-RPC with Content-Length headers) over two streams.</summary>
internal static class LanguageServerHost
{
    /// <summary>
    /// Serves until the client sends <c>exit</c> or closes the input. Returns 0 when <c>shutdown</c> came first,
    /// 1 otherwise, as the protocol asks of the process exit code.
    /// </summary>
    public static async Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        return await RunAsync(new HeaderDelimitedMessageHandler(output, input, ProtocolJson.CreateServerFormatter()), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Serves over any message handler (the workbench's is <see cref="SocketMessageHandler"/>, one LSP message per
    /// WebSocket message; its formatter must come from <see cref="ProtocolJson.CreateServerFormatter"/>; a well-framed
    /// message the server cannot dispatch is answered with its JSON-RPC error, or dropped, and the next one read,
    /// <see cref="TolerantMessageHandler"/>); returns as the stream overload does.
    /// </summary>
    public static async Task<int> RunAsync(IJsonRpcMessageHandler handler, LanguageServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new LanguageServerOptions();
        using var rpc = new LanguageServerRpc(new TolerantMessageHandler(handler, options.Log));
        using var server = new PowersLanguageServer(rpc, options);
        rpc.AddLocalRpcTarget(server, new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        using (cancellationToken.Register(static s => ((JsonRpc)s!).Dispose(), rpc))
        {
            await Task.WhenAny(rpc.Completion, server.Exited).ConfigureAwait(false);
        }

        return server.ShutdownRequested ? 0 : 1;
    }
}
