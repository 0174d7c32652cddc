using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Powers.LanguageServer.Server;

/// <summary>
/// The server's transport over a WebSocket (the workbench's <c>/lsp</c>): one WebSocket message is one JSON-RPC
/// message, each read into bytes of its own. StreamJsonRpc's <c>WebSocketMessageHandler</c> keeps a message's bytes
/// until the message has been read, so after one its formatter refused, the refused bytes were prepended to every
/// later message; here a refused message's bytes are gone with it, and <see cref="TolerantMessageHandler"/> answers
/// or drops it and reads the next one clean, as over a stream.
/// </summary>
internal sealed class SocketMessageHandler : MessageHandlerBase
{
    private const int ReceiveChunk = 16 * 1024;
    private readonly WebSocket _socket;
    private readonly ArrayBufferWriter<byte> _incoming = new(ReceiveChunk);
    private readonly ArrayBufferWriter<byte> _outgoing = new(ReceiveChunk);

    public SocketMessageHandler(WebSocket socket, IJsonRpcMessageFormatter formatter)
        : base(formatter)
    {
        ArgumentNullException.ThrowIfNull(socket);
        _socket = socket;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        // Whatever became of the last message (read, refused, or the read cancelled part way), this one starts empty.
        _incoming.ResetWrittenCount();
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(_incoming.GetMemory(ReceiveChunk), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _incoming.Advance(result.Count);
        }
        while (!result.EndOfMessage);

        // A copy the message owns: the formatter may keep the bytes it parsed for as long as the message lives, and the
        // buffer is reused for the next message.
        var content = new ReadOnlySequence<byte>(_incoming.WrittenSpan.ToArray());
        return Formatter is IJsonRpcMessageTextFormatter text ? text.Deserialize(content, Encoding.UTF8) : Formatter.Deserialize(content);
    }

    protected override ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        // MessageHandlerBase sends one message at a time, so the buffer is this message's until it has gone.
        _outgoing.ResetWrittenCount();
        Formatter.Serialize(_outgoing, content);
        return _socket.SendAsync(_outgoing.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    // Each message is sent whole by WriteCoreAsync: nothing waits in a buffer here.
    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => default;
}
