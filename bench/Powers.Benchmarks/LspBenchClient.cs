using System.Collections.Concurrent;
using Nerdbank.Streams;
using Powers.LanguageServer;
using Powers.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Powers.Benchmarks;

/// <summary>A minimal LSP client on an in-process server: sends edits and waits for the diagnostics of a version.</summary>
internal sealed class LspBenchClient : IDisposable
{
    private readonly JsonRpc _rpc;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<PublishDiagnosticsParams>> _waiting = new();
    private readonly string _uri;

    private LspBenchClient(JsonRpc rpc, string uri)
    {
        _rpc = rpc;
        _uri = uri;
    }

    public static LspBenchClient Start(string root, string uri, string text)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        _ = Task.Run(() => LanguageServerHost.RunAsync(serverStream, serverStream, new LanguageServerOptions()));
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, ProtocolJson.CreateFormatter()));
        var client = new LspBenchClient(rpc, uri);
        var publish = new Action<PublishDiagnosticsParams>(client.OnPublish);
        rpc.AddLocalRpcMethod(publish.Method, publish.Target, new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        rpc.InvokeWithParameterObjectAsync<InitializeResult>("initialize", new InitializeParams(new Uri(root).AbsoluteUri)).GetAwaiter().GetResult();
        var first = client.Expect(1);
        rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, text))).GetAwaiter().GetResult();
        first.GetAwaiter().GetResult();
        return client;
    }

    /// <summary>Replaces the document's text and returns the diagnostics published for that version.</summary>
    public PublishDiagnosticsParams Edit(int version, string text)
    {
        var published = Expect(version);
        Send(version, null, text);
        return published.GetAwaiter().GetResult();
    }

    /// <summary>Sends an incremental edit without waiting for anything.</summary>
    public void Send(int version, LspRange? range, string text) =>
        _rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(_uri, version), [new TextDocumentContentChangeEvent(range, text)]))
            .GetAwaiter().GetResult();

    public Task<PublishDiagnosticsParams> Expect(int version) =>
        _waiting.GetOrAdd(version, _ => new TaskCompletionSource<PublishDiagnosticsParams>(TaskCreationOptions.RunContinuationsAsynchronously)).Task
            .WaitAsync(TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        try
        {
            _rpc.InvokeWithParameterObjectAsync<object?>("shutdown", null).GetAwaiter().GetResult();
            _rpc.NotifyWithParameterObjectAsync("exit", null).GetAwaiter().GetResult();
        }
        catch (ConnectionLostException)
        {
            // Already gone.
        }

        _rpc.Dispose();
    }

    private void OnPublish(PublishDiagnosticsParams p)
    {
        if (p.Uri == _uri && p.Version is { } version && _waiting.TryRemove(version, out var waiting))
        {
            waiting.TrySetResult(p);
        }
    }
}
