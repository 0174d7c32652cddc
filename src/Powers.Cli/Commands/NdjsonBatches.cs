using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers.Cli.Commands;

/// <summary>
/// The lines of an NDJSON stream split and read in batches, handed over in input order, on a thread of their own when
/// there is a second core: splitting lines, decoding and reading a line (<see cref="CompactQueryReader"/>) is about
/// half of the stream's work, so the reading thread reads a batch while the caller decides and writes the one before. A fixed number
/// of batches go round (the caller gives each back when done with it), so memory does not grow with the input;
/// each item keeps its own situation. A line the compact reader declines is kept as text, for the caller's
/// <see cref="QueryReader"/>, which decides it the same way or names its error.
/// </summary>
internal sealed class NdjsonBatches : IDisposable
{
    /// <summary>Lines a batch holds: a handover costs a few microseconds, a line a few.</summary>
    private const int BatchLines = 128;

    /// <summary>Batches going round: one being read, one being decided, and two more so neither thread waits for the other's every step.</summary>
    private const int Batches = 4;

    private readonly BlockingCollection<Batch> _read = new(Batches);
    private readonly BlockingCollection<Batch> _free = new(Batches);
    private readonly CancellationTokenSource _stop = new();
    private readonly CompactQueryReader _compact;
    private readonly NdjsonLineReader _lines;
    private readonly Batch? _inline;
    private bool _inlineDone;
    private ExceptionDispatchInfo? _failed;

    /// <summary>Reads on a thread of its own when <paramref name="readAhead"/>, else on the caller's, a batch when it asks.</summary>
    public NdjsonBatches(RuleLibrary library, NdjsonLineReader lines, bool readAhead)
    {
        _compact = new CompactQueryReader(library);
        _lines = lines;
        if (!readAhead)
        {
            _inline = new Batch(library.Schema);
            return;
        }

        for (int b = 0; b < Batches; b++)
        {
            _free.Add(new Batch(library.Schema));
        }

        // A background thread: when the caller stops early (its output failed), a read blocked on standard input
        // does not keep the process alive.
        new Thread(ReadAhead) { IsBackground = true, Name = "powers ndjson reader" }.Start();
    }

    /// <summary>The next batch in input order, or false after the last; an exception of the input is thrown here, after the lines read before it.</summary>
    public bool TryTake(out Batch batch)
    {
        if (_inline is not null)
        {
            batch = _inline;
            if (!_inlineDone)
            {
                _inlineDone = !Read(batch);
                if (batch.Count > 0)
                {
                    return true;
                }
            }
        }
        else if (_read.TryTake(out batch!, Timeout.Infinite))
        {
            return true;
        }

        _failed?.Throw();
        return false;
    }

    /// <summary>Gives a batch back once its lines are answered (its situations are then read into again).</summary>
    public void Return(Batch batch)
    {
        if (_inline is null)
        {
            _free.Add(batch);
        }
    }

    /// <summary>Stops the reading thread if it is still reading (the caller stopped early).</summary>
    public void Dispose() => _stop.Cancel();

    private void ReadAhead()
    {
        try
        {
            bool more = true;
            while (more)
            {
                var batch = _free.Take(_stop.Token);
                more = Read(batch);
                if (batch.Count > 0)
                {
                    _read.Add(batch, _stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The caller stopped early; nobody reads what is left.
        }
        finally
        {
            _read.CompleteAdding();
        }
    }

    // Fills a batch; false at the end of the input. When the input fails (a read error), the lines read before it
    // are kept, to be answered as they were before this reader read ahead, and the error is thrown to the caller after them.
    private bool Read(Batch batch)
    {
        batch.Count = 0;
        try
        {
            while (batch.Count < BatchLines)
            {
                if (!_lines.TryRead(out var line))
                {
                    return false;
                }

                var item = batch.Items[batch.Count];
                item.Slow = _compact.TryRead(line, item.Situation, out item.Date, out item.Designation, out item.Version) ? null : line.ToString();
                batch.Count++;
            }

            return true;
        }
        catch (Exception e)
        {
            _failed = ExceptionDispatchInfo.Capture(e);
            return false;
        }
    }

    /// <summary>Lines read, in input order.</summary>
    internal sealed class Batch(FactSchema schema)
    {
        public Item[] Items { get; } = [.. Enumerable.Range(0, BatchLines).Select(_ => new Item(new Situation(schema)))];

        public int Count { get; set; }
    }

    /// <summary>One line: read (its facts in <see cref="Situation"/>, and what it asked), or its text when the compact reader declined it.</summary>
    internal sealed class Item(Situation situation)
    {
        public Situation Situation { get; } = situation;

#pragma warning disable SA1401, CA1051 // fields: the compact reader writes them as out arguments
        public DateOnly? Date;
        public Designation? Designation;
        public RuleSetVersion? Version;
        public string? Slow;
#pragma warning restore SA1401, CA1051
    }
}
