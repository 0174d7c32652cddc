namespace Powers.Hosting;

/// <summary>A record's link in its writer's chain, as read back: the writer, its sequence number and the hash it carries of what came before.</summary>
internal sealed class RecordLink(string writer, long sequence, string prev)
{
    public string Writer { get; } = writer;

    public long Sequence { get; } = sequence;

    public string Prev { get; } = prev;
}
