namespace Powers.Model;

/// <summary>A police force that can designate CSOs.</summary>
/// <param name="Id">The kebab-case id, e.g. <c>metropolitan</c>.</param>
/// <param name="Name">The name.</param>
public sealed record Force(string Id, string Name)
{
    /// <summary>
    /// The nations whose law governs the force's area (e.g. <c>england</c>, <c>wales</c>; both for British Transport
    /// Police), for provisions commenced on different days in England and in Wales. Empty when forces.json does not
    /// say: such a force is in no nation-limited power, and every nation-limited clause binds it (fail closed).
    /// </summary>
    public IReadOnlyList<string> Nations { get; init; } = [];

    /// <summary>Whether every nation of the force is listed, so a power limited to <paramref name="nations"/> reaches it.</summary>
    internal bool WhollyWithin(IReadOnlySet<string> nations)
    {
        if (Nations.Count == 0)
        {
            return false;
        }

        foreach (string n in Nations)
        {
            if (!nations.Contains(n))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a clause limited to <paramref name="nations"/> binds the force: unless its nations are known and none is listed.</summary>
    internal bool Touches(IReadOnlySet<string> nations)
    {
        if (Nations.Count == 0)
        {
            return true;
        }

        foreach (string n in Nations)
        {
            if (nations.Contains(n))
            {
                return true;
            }
        }

        return false;
    }
}
