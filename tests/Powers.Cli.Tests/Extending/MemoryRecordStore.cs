using System.Text;
using Powers.Hosting;

namespace Powers.Cli.Tests.Extending;

/// <summary>
/// The storage of docs/extending.md's record sink: rows of a writer, a sequence number and a record's JSON, under a
/// lock, as a table keeps them (a database would be the storage of a real sink package).
/// </summary>
internal sealed class MemoryRecordStore
{
    private readonly Lock _gate = new();
    private readonly List<(string Writer, long Sequence, byte[] Json)> _rows = [];

    /// <summary>The id this store's sink writes its chain as.</summary>
    public string Writer { get; } = "memory-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Where <paramref name="writer"/>'s chain stands: its last row, or a new chain.</summary>
    public RecordChainHead Head(string writer)
    {
        lock (_gate)
        {
            var last = _rows.LastOrDefault(r => r.Writer == writer);
            return last.Json is null ? new RecordChainHead(writer, 0, RecordChainHead.Start) : new RecordChainHead(writer, last.Sequence, RecordChainHead.LinkTo(Encoding.UTF8.GetString(last.Json)));
        }
    }

    /// <summary>Stores every row, all at once.</summary>
    public void Add(IEnumerable<(string Writer, long Sequence, byte[] Json)> rows)
    {
        lock (_gate)
        {
            _rows.AddRange(rows);
        }
    }

    /// <summary>Every row, each writer's in sequence.</summary>
    public List<(string Writer, long Sequence, byte[] Json)> Rows()
    {
        lock (_gate)
        {
            return [.. _rows.OrderBy(r => r.Writer, StringComparer.Ordinal).ThenBy(r => r.Sequence)];
        }
    }

    /// <summary>Changes a stored row's JSON, as someone with write access to the storage could.</summary>
    public void Edit(int index, Func<string, string> change)
    {
        lock (_gate)
        {
            var row = _rows[index];
            _rows[index] = (row.Writer, row.Sequence, Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(row.Json))));
        }
    }
}
