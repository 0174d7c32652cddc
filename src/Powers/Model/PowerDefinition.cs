namespace Powers.Model;

/// <summary>A power of the catalogue (powers.json): a stable id, a title and its place in every decision.</summary>
public sealed class PowerDefinition
{
    internal PowerDefinition(string id, string title, int index)
    {
        Id = id;
        Title = title;
        Index = index;
    }

    /// <summary>The power id, e.g. <c>detain-pending-constable</c>.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The position in the catalogue and in every decision.</summary>
    public int Index { get; }
}
