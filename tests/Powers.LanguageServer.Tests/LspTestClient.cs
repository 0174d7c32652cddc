using System.Collections.Concurrent;
using Nerdbank.Streams;
using Powers.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Powers.LanguageServer.Tests;

/// <summary>An LSP client talking to the server in-process over a pair of streams, as an editor would over stdio.</summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly JsonRpc _rpc;
    private readonly Task<int> _server;
    private readonly ConcurrentDictionary<string, PublishDiagnosticsParams> _diagnostics = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _published = new(0);

    private LspTestClient(JsonRpc rpc, Task<int> server)
    {
        _rpc = rpc;
        _server = server;
    }

    public Task<int> Server => _server;

    public static async Task<LspTestClient> StartAsync(string rootPath, TimeSpan? quiet = null)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var options = new LanguageServerOptions { QuietPeriod = quiet ?? TimeSpan.FromMilliseconds(5), Log = new StringWriter() };
        var server = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, options));
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, ProtocolJson.CreateFormatter()));
        var client = new LspTestClient(rpc, server);
        var publish = new Action<PublishDiagnosticsParams>(client.OnPublish);
        rpc.AddLocalRpcMethod(publish.Method, publish.Target, new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        await client.RequestAsync<InitializeResult>("initialize", new InitializeParams(new Uri(rootPath).AbsoluteUri));
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return client;
    }

    public Task<T> RequestAsync<T>(string method, object parameters) =>
        _rpc.InvokeWithParameterObjectAsync<T>(method, parameters).WaitAsync(Timeout);

    public Task NotifyAsync(string method, object parameters) => _rpc.NotifyWithParameterObjectAsync(method, parameters);

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", version, text)));

    public Task ChangeAsync(string uri, int version, string text) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), [new TextDocumentContentChangeEvent(null, text)]));

    public Task ChangeAsync(string uri, int version, LspRange range, string text) =>
        NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version), [new TextDocumentContentChangeEvent(range, text)]));

    /// <summary>Waits until the diagnostics last published for a document satisfy a condition.</summary>
    public async Task<PublishDiagnosticsParams> DiagnosticsAsync(string uri, Func<PublishDiagnosticsParams, bool> until)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            if (_diagnostics.TryGetValue(uri, out var p) && until(p))
            {
                return p;
            }

            try
            {
                await _published.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("No diagnostics for " + uri + " satisfied the condition; last: "
                    + (p is null ? "none" : string.Join("; ", p.Diagnostics.Select(d => d.Code + " " + d.Message))));
            }
        }
    }

    public Task<PublishDiagnosticsParams> DiagnosticsAsync(string uri, int version) => DiagnosticsAsync(uri, p => p.Version == version);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RequestAsync<object?>("shutdown", new { });
            await NotifyAsync("exit", new { });
            await _server.WaitAsync(Timeout);
        }
        catch (Exception e) when (e is ConnectionLostException or ObjectDisposedException)
        {
            // The server already ended.
        }

        _rpc.Dispose();
        _published.Dispose();
    }

    private void OnPublish(PublishDiagnosticsParams p)
    {
        _diagnostics[p.Uri] = p;
        _published.Release();
    }
}
