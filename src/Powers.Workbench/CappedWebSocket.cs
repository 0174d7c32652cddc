using System.Net.WebSockets;

namespace Powers.Workbench;

/// <summary>A WebSocket that refuses a message longer than a cap (closing with 1009), as bodies are capped over HTTP.</summary>
internal sealed class CappedWebSocket : WebSocket
{
    private readonly WebSocket _inner;
    private readonly int _cap;
    private long _received;

    public CappedWebSocket(WebSocket inner, int cap)
    {
        _inner = inner;
        _cap = cap;
    }

    public override WebSocketCloseStatus? CloseStatus => _inner.CloseStatus;

    public override string? CloseStatusDescription => _inner.CloseStatusDescription;

    public override WebSocketState State => _inner.State;

    public override string? SubProtocol => _inner.SubProtocol;

    public override void Abort() => _inner.Abort();

    public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseAsync(closeStatus, statusDescription, cancellationToken);

    public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
        _inner.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

    public override void Dispose() => _inner.Dispose();

    public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        await Count(result.Count, result.EndOfMessage).ConfigureAwait(false);
        return result;
    }

    public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var result = await _inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
        await Count(result.Count, result.EndOfMessage).ConfigureAwait(false);
        return result;
    }

    public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

    private async Task Count(int count, bool endOfMessage)
    {
        _received += count;
        if (_received > _cap)
        {
            await _inner.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "a message is larger than " + _cap + " bytes", CancellationToken.None).ConfigureAwait(false);
            throw new WebSocketException(WebSocketError.InvalidState, "a message is larger than " + _cap + " bytes");
        }

        if (endOfMessage)
        {
            _received = 0;
        }
    }
}
