using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using StreamJsonRpc.Reflection;

namespace Powers.LanguageServer.Server;

/// <summary>
/// The server's formatter: StreamJsonRpc's own, behind a check of each incoming message's envelope (JSON-RPC 2.0,
/// section 4). StreamJsonRpc ends the connection on a body it cannot read (not JSON, not an object, an id of the
/// wrong type, a non-string method or version) and on a response to no request of its own; here each of those becomes
/// a <see cref="RejectedMessageException"/> that <see cref="TolerantMessageHandler"/> answers or drops, so one bad
/// message from an editor costs that message and not the session.
/// </summary>
internal sealed class InboundMessageFormatter : IJsonRpcMessageTextFormatter, IJsonRpcInstanceContainer, IJsonRpcMessageFactory, IDisposable
{
    // The envelope is read before the inner formatter parses it again; nesting past this is no message an LSP client sends.
    private static readonly JsonDocumentOptions EnvelopeOptions = new() { MaxDepth = 256 };
    private readonly SystemTextJsonFormatter _inner;

    public InboundMessageFormatter(SystemTextJsonFormatter inner) => _inner = inner;

    public Encoding Encoding
    {
        get => _inner.Encoding;
        set => _inner.Encoding = value;
    }

    JsonRpc IJsonRpcInstanceContainer.Rpc
    {
        set => ((IJsonRpcInstanceContainer)_inner).Rpc = value;
    }

    public JsonRpcMessage Deserialize(ReadOnlySequence<byte> contentBuffer) => Deserialize(contentBuffer, Encoding);

    public JsonRpcMessage Deserialize(ReadOnlySequence<byte> contentBuffer, Encoding encoding)
    {
        var (id, answer) = Check(contentBuffer);
        try
        {
            return _inner.Deserialize(contentBuffer, encoding);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException or NotSupportedException or OverflowException)
        {
            // Past the envelope check nothing should fail; if the transport still cannot read the message, refuse it alone.
            throw new RejectedMessageException(JsonRpcErrorCode.InvalidRequest, "The message could not be read: " + e.Message, id, answer);
        }
    }

    public void Serialize(IBufferWriter<byte> bufferWriter, JsonRpcMessage message) => _inner.Serialize(bufferWriter, message);

    public object GetJsonText(JsonRpcMessage message) => _inner.GetJsonText(message);

    JsonRpcRequest IJsonRpcMessageFactory.CreateRequestMessage() => ((IJsonRpcMessageFactory)_inner).CreateRequestMessage();

    JsonRpcError IJsonRpcMessageFactory.CreateErrorMessage() => ((IJsonRpcMessageFactory)_inner).CreateErrorMessage();

    JsonRpcResult IJsonRpcMessageFactory.CreateResultMessage() => ((IJsonRpcMessageFactory)_inner).CreateResultMessage();

    public void Dispose() => _inner.Dispose();

    /// <summary>
    /// Throws <see cref="RejectedMessageException"/> unless the message is a request or notification StreamJsonRpc can
    /// read; returns its id and whether an error about it later would be answered.
    /// </summary>
    private static (RequestId Id, bool Answer) Check(ReadOnlySequence<byte> content)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, EnvelopeOptions);
        }
        catch (JsonException e)
        {
            throw new RejectedMessageException(JsonRpcErrorCode.ParseError, "Parse error: " + e.Message, RequestId.Null, answer: true);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                string what = root.ValueKind == JsonValueKind.Array ? "a batch (an array), which this server does not take" : "not an object";
                throw Invalid("the message is " + what, RequestId.Null, answer: true);
            }

            bool hasId = root.TryGetProperty("id", out var idElement);
            RequestId id = hasId ? IdOf(idElement) : RequestId.NotSpecified;
            bool answer = hasId;
            if (hasId && id.IsNull && idElement.ValueKind != JsonValueKind.Null)
            {
                throw Invalid("'id' must be a string, an integer or null", RequestId.Null, answer: true);
            }

            if (!root.TryGetProperty("method", out var method))
            {
                if (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _))
                {
                    // The server sends the client no requests, so any response is to none of them: drop it.
                    throw Invalid("a response to no request of the server's", id, answer: false);
                }

                throw Invalid("the message has no 'method', 'result' or 'error'", hasId ? id : RequestId.Null, answer: true);
            }

            if (method.ValueKind != JsonValueKind.String)
            {
                throw Invalid("'method' must be a string", hasId ? id : RequestId.Null, answer: true);
            }

            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || !version.ValueEquals("2.0"))
            {
                throw Invalid("'jsonrpc' must be \"2.0\"", id, answer);
            }

            if (root.TryGetProperty("params", out var parameters) && parameters.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                throw Invalid("'params' must be an object or an array", id, answer);
            }

            foreach (string name in (ReadOnlySpan<string>)["traceparent", "tracestate"])
            {
                if (root.TryGetProperty(name, out var trace) && trace.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    throw Invalid("'" + name + "' must be a string", id, answer);
                }
            }

            return (id, answer);
        }
    }

    /// <summary>The id as StreamJsonRpc reads it; <see cref="RequestId.Null"/> for one it cannot (an object, a fraction, true).</summary>
    private static RequestId IdOf(JsonElement id) => id.ValueKind switch
    {
        JsonValueKind.String => new RequestId(id.GetString()),
        JsonValueKind.Number when id.TryGetInt64(out long n) => new RequestId(n),
        _ => RequestId.Null,
    };

    private static RejectedMessageException Invalid(string message, RequestId id, bool answer) =>
        new(JsonRpcErrorCode.InvalidRequest, string.Create(CultureInfo.InvariantCulture, $"Invalid request: {message}"), id, answer);
}
