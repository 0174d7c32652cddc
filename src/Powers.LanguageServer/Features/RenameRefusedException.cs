using StreamJsonRpc;

namespace Powers.LanguageServer.Features;

/// <summary>
/// A rename the server will not make, answered to the client as an LSP RequestFailed error whose message the editor
/// shows the author.
/// </summary>
internal sealed class RenameRefusedException : LocalRpcException
{
    private const int RequestFailed = -32803;

    public RenameRefusedException(string message)
        : base(message)
    {
        ErrorCode = RequestFailed;
    }

    public RenameRefusedException()
    {
        ErrorCode = RequestFailed;
    }

    public RenameRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = RequestFailed;
    }
}
