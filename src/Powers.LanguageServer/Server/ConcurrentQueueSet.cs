using System.Collections.Concurrent;

namespace Powers.LanguageServer.Server;

/// <summary>A set of pending items taken in any order, each once however often it was added.</summary>
internal sealed class ConcurrentQueueSet
{
    private readonly ConcurrentDictionary<string, byte> _items = new(StringComparer.Ordinal);

    public void Add(string item) => _items[item] = 0;

    public bool TryTake(out string? item)
    {
        foreach (var key in _items.Keys)
        {
            if (_items.TryRemove(key, out _))
            {
                item = key;
                return true;
            }
        }

        item = null;
        return false;
    }
}
