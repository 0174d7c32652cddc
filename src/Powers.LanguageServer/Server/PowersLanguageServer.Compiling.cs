using System.Text;
using Powers.Compilation;
using Powers.LanguageServer.Features;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Syntax;
using Powers.Text;

namespace Powers.LanguageServer.Server;

/// <content>Compiling libraries, publishing diagnostics, and the context a request works on.</content>
internal sealed partial class PowersLanguageServer
{
    private readonly ConcurrentQueueSet _dirty = new();

    /// <summary>Marks the library of a path for compiling.</summary>
    private void Touch(string path)
    {
        // A library folder already known counts even when its facts.json has just been deleted.
        foreach (string known in _workspaces.Keys)
        {
            if (LibraryRoots.IsBelow(path, known))
            {
                _dirty.Add(known);
            }
        }

        if (RootOf(path) is { } root)
        {
            _dirty.Add(root);
        }

        _loop.Request();
    }

    private string? RootOf(string path) => _rootOf.GetOrAdd(path, p => LibraryRoots.Find(p, _workspaceRoot));

    private async Task CompileAsync()
    {
        while (_dirty.TryTake(out string? root) && root is not null)
        {
            var snapshot = CompileNow(root);
            await PublishAsync(snapshot).ConfigureAwait(false);
        }
    }

    private LibrarySnapshot CompileNow(string root)
    {
        var workspace = _workspaces.GetOrAdd(root, r => new LibraryWorkspace(r));
        lock (workspace)
        {
            var snapshot = workspace.Compile(_documents.Values.ToArray());
            _snapshots[root] = snapshot;
            return snapshot;
        }
    }

    private async Task PublishAsync(LibrarySnapshot snapshot)
    {
        // The versions compiled, not the latest: an edit that came in meanwhile gets its own publication next.
        var open = snapshot.Open;
        var byPath = DiagnosticConverter.Convert(snapshot, open.Keys);
        var now = new HashSet<string>(byPath.Keys, StringComparer.Ordinal);
        now.UnionWith(open.Keys);
        var before = _published.GetOrAdd(snapshot.Root, _ => []);
        foreach (string path in now.Union(before).ToArray())
        {
            string uri = open.TryGetValue(path, out var doc) ? doc.Uri : DocumentUri.FromPath(path);
            var diagnostics = byPath.TryGetValue(path, out var list) ? list : [];
            await _rpc.NotifyWithParameterObjectAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(uri, doc?.Version, diagnostics)).ConfigureAwait(false);
        }

        _published[snapshot.Root] = now;
    }

    /// <summary>
    /// The document (open, or read from disk) with its library's latest snapshot; compiles once if there is none yet,
    /// or when <paramref name="fresh"/> asks for one that has every edit so far (a rename edits what it indexed).
    /// </summary>
    private DocumentContext? Context(TextDocumentIdentifier? id, bool fresh = false)
    {
        if (PathOf(id?.Uri) is not { } path)
        {
            return null;
        }

        SourceText source;
        if (_documents.TryGetValue(path, out var doc))
        {
            source = doc.Text;
        }
        else if (ReadFromDisk(path) is { } text)
        {
            source = new SourceText(path, text);
        }
        else
        {
            return null;
        }

        LibrarySnapshot? snapshot = null;
        if (RootOf(path) is { } root && (fresh || !_snapshots.TryGetValue(root, out snapshot)))
        {
            snapshot = CompileNow(root);
        }

        return DocumentContext.Create(id!.Uri, source, snapshot);
    }

    /// <summary>
    /// A document the editor has not opened, read from disk only when it is a regular file no larger than the compiler
    /// reads: a client may name <c>file:///dev/zero</c> or a FIFO, which would be read for ever or block every request.
    /// </summary>
    private static string? ReadFromDisk(string path)
    {
        if (!File.Exists(path) || EntryKinds.Of(path) != EntryKind.Regular)
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            byte[] bytes = SourceLoader.ReadCapped(stream);
            return bytes.Length > SourceLoader.MaxFileBytes ? null : Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The library's JSON Schemas (open text over disk), which a rename also edits; the compiler reads none.</summary>
    private List<SourceText> Schemas(string? root)
    {
        var schemas = new List<SourceText>();
        string? folder = root is null ? null : Path.Combine(root, "schema");
        if (folder is null || !Directory.Exists(folder) || EntryKinds.Of(folder) != EntryKind.Directory)
        {
            return schemas;
        }

        foreach (string path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Take(64))
        {
            if (_documents.TryGetValue(path, out var doc))
            {
                schemas.Add(doc.Text);
            }
            else if (ReadFromDisk(path) is { } text)
            {
                schemas.Add(new SourceText(path, text));
            }
        }

        return schemas;
    }

    /// <summary>Like <see cref="Guard{T}(string, Func{T})"/>, but a refusal reaches the client as an error with its message.</summary>
    private T? Refusable<T>(string method, Func<T?> func)
        where T : class
    {
        try
        {
            return func();
        }
        catch (RenameRefusedException)
        {
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _options.Log.WriteLine("powers lsp: " + method + " failed: " + e);
            return null;
        }
    }

    private void Guard(string method, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _options.Log.WriteLine("powers lsp: " + method + " failed: " + e);
        }
    }

    private T? Guard<T>(string method, Func<T?> func)
        where T : class
    {
        try
        {
            return func();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _options.Log.WriteLine("powers lsp: " + method + " failed: " + e);
            return null;
        }
    }
}
