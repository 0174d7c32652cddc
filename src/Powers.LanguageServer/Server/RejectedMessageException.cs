using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Powers.LanguageServer.Server;

/// <summary>
/// A well-framed message that is not one the server can dispatch. <see cref="InboundMessageFormatter"/> throws it
/// in place of the transport's own exception (which would end the connection); <see cref="TolerantMessageHandler"/>
/// answers it with <see cref="Error"/> when <see cref="Answer"/> is set, or drops it, and reads on.
/// </summary>
internal sealed class RejectedMessageException : Exception
{
    public RejectedMessageException(JsonRpcErrorCode code, string message, RequestId id, bool answer)
        : base(message)
    {
        Code = code;
        Id = id;
        Answer = answer;
    }

    public RejectedMessageException()
    {
    }

    public RejectedMessageException(string message)
        : base(message)
    {
    }

    public RejectedMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JsonRpcErrorCode Code { get; } = JsonRpcErrorCode.InvalidRequest;

    /// <summary>The request's id, or <see cref="RequestId.Null"/> when it could not be read (JSON-RPC 2.0, section 5).</summary>
    public RequestId Id { get; } = RequestId.Null;

    /// <summary>False for a notification or a stray response: JSON-RPC answers neither.</summary>
    public bool Answer { get; }

    public JsonRpcError Error => new() { RequestId = Id, Version = "2.0", Error = new JsonRpcError.ErrorDetail { Code = Code, Message = Message } };
}
