namespace Powers.Model;

/// <summary>A police force that can designate CSOs: one instance per force of a library, compared by reference.</summary>
public sealed class Force
{
    internal Force(string id, string name)
    {
        Id = id;
        Name = name;
    }

    /// <summary>The kebab-case id, e.g. <c>metropolitan</c>.</summary>
    public string Id { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>
    /// The nations whose law governs the force's area (e.g. <c>england</c>, <c>wales</c>; both for British Transport
    /// Police), for provisions commenced on different days in England and in Wales. Empty when forces.json does not
    /// say: such a force is in no nation-limited power, and every nation-limited clause binds it (fail closed).
    /// </summary>
    public IReadOnlyList<string> Nations { get; internal init; } = [];

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
