namespace Powers.Hosting;

/// <summary>A writer's last record in a trail: its writer, sequence number, place and decision id.</summary>
internal sealed class TrailHead(string writer, long sequence, string where, string? id)
{
    public string Writer { get; } = writer;

    public long Sequence { get; } = sequence;

    public string Where { get; } = where;

    public string? Id { get; } = id;
}
