using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Powers.LanguageServer.Server;

/// <summary>
/// The server's JSON-RPC connection. StreamJsonRpc reads a request's parameters while it picks the method, and
/// answers a parameter of the wrong type (a number where an object belongs) as a failure of the method (-32000, with
/// the server's stack trace); JSON-RPC calls that invalid params (-32602), and the editor is told which field.
/// </summary>
internal sealed class LanguageServerRpc : JsonRpc
{
    public LanguageServerRpc(IJsonRpcMessageHandler handler)
        : base(handler)
    {
    }

    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        // Every handler that reads an editor's input catches what it throws (PowersLanguageServer.Guard), so a
        // JsonException reaching here was thrown reading the parameters.
        if (exception is JsonException or RpcArgumentDeserializationException)
        {
            string? path = (exception as JsonException ?? exception.InnerException as JsonException)?.Path;
            return new JsonRpcError.ErrorDetail
            {
                Code = JsonRpcErrorCode.InvalidParams,
                Message = path is { Length: > 0 } ? "Invalid params: the value at " + path + " is not of the type the method takes" : "Invalid params",
            };
        }

        return base.CreateErrorDetails(request, exception);
    }
}
