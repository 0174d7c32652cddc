using System.Runtime;
using BenchmarkDotNet.Attributes;
using Powers.Compilation;
using Powers.LanguageServer.Features;
using Powers.LanguageServer.Protocol;
using Powers.LanguageServer.Workspace;
using Powers.Text;

namespace Powers.Benchmarks;

/// <summary>
/// <c>powers lsp</c> on the shipped library, warm: an edit to a rule file until its diagnostics are published (over
/// JSON-RPC, in process, with the server's default quiet period), the compile and conversion alone, and 10,000
/// edits in a burst. The setup checks the diagnostics and that the heap does not grow from one burst to the next,
/// and prints the heap after each burst.
/// </summary>
[MemoryDiagnoser]
public class LanguageServerBenchmarks
{
    private const string File = "pra2002/2012-07-10.json";
    private const int Edits = 10_000;
    private string _root = string.Empty;
    private string _good = string.Empty;
    private string _bad = string.Empty;
    private LspBenchClient? _client;
    private LibraryWorkspace? _workspace;
    private OpenDocument[] _open = [];
    private int _version = 1;
    private LspPosition _at = new(0, 0);

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "powers-lsp-bench-" + Guid.NewGuid().ToString("N"));
        foreach (var file in LibraryFiles.Embedded())
        {
            string path = Path.Combine(_root, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var from = file.Open();
            using var to = System.IO.File.Create(path);
            from.CopyTo(to);
        }

        string full = Path.Combine(_root, File);
        string uri = new Uri(full).AbsoluteUri;
        _good = System.IO.File.ReadAllText(full);
        _bad = _good.Replace("\"when\": \"constableInCompany\"", "\"when\": \"constablePresnt\"", StringComparison.Ordinal);
        var source = new SourceText(full, _good);
        int offset = _good.IndexOf("\"when\": \"inUniform\"", StringComparison.Ordinal) + "\"when\": \"".Length;
        var p = source.GetLinePosition(offset);
        _at = new LspPosition(p.Line - 1, p.Column - 1);
        _client = LspBenchClient.Start(_root, uri, _good);
        _workspace = new LibraryWorkspace(_root);
        _open = [new OpenDocument(uri, full, 1, new SourceText(full, _bad))];

        // The misspelled fact's own position, found in the text (the shipped law moves as it is edited).
        var misspelled = new SourceText(full, _bad).GetLinePosition(_bad.IndexOf("constablePresnt", StringComparison.Ordinal));
        var bad = _client.Edit(++_version, _bad);
        var error = bad.Diagnostics.SingleOrDefault(d => d.Severity == 1);
        if (error is not { Code: "PWR0201" } || error.Range.Start.Line != misspelled.Line - 1 || error.Range.Start.Character != misspelled.Column - 1)
        {
            throw new InvalidOperationException("an edit did not give the unknown-fact diagnostic at " + misspelled);
        }

        if (_client.Edit(++_version, _good).Diagnostics.Any(d => d.Severity == 1) || CompileAndConvert() != 1)
        {
            throw new InvalidOperationException("diagnostics do not match the text");
        }

        // Retained heap after bursts of edits: once warm it must not grow from one burst to the next. Four bursts warm
        // up first: in the in-process smoke run other benchmarks share the heap, and one CI run climbed from 12.3 MB
        // to the 14.5 MB plateau of the others over bursts 1-4, which a warm-up is and a leak is not.
        var heaps = new List<long>();
        for (int burst = 0; burst < 8; burst++)
        {
            TenThousandEdits();
            heaps.Add(RetainedHeap());
        }

        Console.WriteLine("// heap after 10,000-edit bursts 1-8 (bytes): " + string.Join(", ", heaps));
        if (heaps[7] > heaps[3] + (2 << 20))
        {
            throw new InvalidOperationException("the heap grew by more than 2 MB from burst 4 to burst 8: " + string.Join(", ", heaps));
        }
    }

    /// <summary>
    /// Live bytes after a blocking, compacting collection of every generation and the large object heap, so free space
    /// left by a sweeping collection does not count as growth.
    /// </summary>
    private static long RetainedHeap()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>One edit (a misspelled fact, or its correction) until the server publishes that version's diagnostics.</summary>
    [Benchmark]
    public int EditToDiagnostics()
    {
        int version = ++_version;
        return _client!.Edit(version, version % 2 == 0 ? _bad : _good).Diagnostics.Count;
    }

    /// <summary>What the server does for one edit, without the protocol: compile the library with the overlay and convert.</summary>
    [Benchmark(Baseline = true)]
    public int CompileAndConvert()
    {
        var snapshot = _workspace!.Compile(_open);
        return DiagnosticConverter.Convert(snapshot, [_open[0].Path]).Values.Sum(l => l.Count(d => d.Severity == 1));
    }

    /// <summary>10,000 incremental edits sent as fast as the client can (type a character, remove it), then the last one's diagnostics.</summary>
    [Benchmark]
    public int TenThousandEdits()
    {
        var end = new LspPosition(_at.Line, _at.Character + 1);
        for (int i = 0; i < Edits / 2; i++)
        {
            _client!.Send(++_version, new LspRange(_at, _at), "x");
            _client.Send(++_version, new LspRange(_at, end), string.Empty);
        }

        // Leave the document as it was (the good text), and wait for that version's diagnostics.
        return _client!.Edit(++_version, _good).Diagnostics.Count;
    }
}
