using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using StreamJsonRpc.Reflection;

namespace Powers.LanguageServer.Server;

/// <summary>
/// The server's message handler: the transport's, except that a message its <see cref="InboundMessageFormatter"/>
/// rejects is answered with the JSON-RPC error (or dropped, for a notification or a stray response) and the next one
/// is read, where StreamJsonRpc would end the connection on the exception: over a stream (<c>powers lsp</c>'s
/// standard input and output) and over the workbench's WebSocket (<see cref="SocketMessageHandler"/>).
/// </summary>
internal sealed class TolerantMessageHandler : IJsonRpcMessageHandler, IJsonRpcMessageBufferManager, IDisposable, IAsyncDisposable
{
    private readonly IJsonRpcMessageHandler _inner;
    private readonly TextWriter _log;

    public TolerantMessageHandler(IJsonRpcMessageHandler inner, TextWriter log)
    {
        _inner = inner;
        _log = log;
    }

    public bool CanRead => _inner.CanRead;

    public bool CanWrite => _inner.CanWrite;

    public IJsonRpcMessageFormatter Formatter => _inner.Formatter;

    public async ValueTask<JsonRpcMessage?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await _inner.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RejectedMessageException e) when (_inner is PipeMessageHandler or SocketMessageHandler)
            {
                // Both have moved past the rejected message's bytes (a pipe handler advances its reader whether the
                // formatter succeeds or not; the socket handler reads each message afresh). Any other handler may
                // not (StreamJsonRpc's WebSocketMessageHandler keeps them and would prepend them to every later
                // message), so there the exception ends the connection.
                _log.WriteLine("powers lsp: message " + (e.Answer ? "refused" : "dropped") + ": " + e.Message);
                if (e.Answer)
                {
                    // The inner handler serialises writes, so this answer cannot interleave with the server's own.
                    await _inner.WriteAsync(e.Error, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    public ValueTask WriteAsync(JsonRpcMessage jsonRpcMessage, CancellationToken cancellationToken) => _inner.WriteAsync(jsonRpcMessage, cancellationToken);

    // The pipe handler lends a message its buffer until JsonRpc says it is read; without this it would never get it back.
    void IJsonRpcMessageBufferManager.DeserializationComplete(JsonRpcMessage message) =>
        (_inner as IJsonRpcMessageBufferManager)?.DeserializationComplete(message);

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    public ValueTask DisposeAsync() => _inner is IAsyncDisposable d ? d.DisposeAsync() : default;
}
