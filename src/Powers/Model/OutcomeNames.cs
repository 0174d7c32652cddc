namespace Powers.Model;

/// <summary>The kebab-case names of outcomes used in JSON and on the command line.</summary>
public static class OutcomeNames
{
    /// <summary>All names, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = ["not-in-force", "not-designated", "denied", "undetermined", "permitted"];

    /// <summary>The name of an outcome.</summary>
    public static string Name(Outcome outcome) => All[(int)outcome];

    /// <summary>Parses a name.</summary>
    public static bool TryParse(string name, out Outcome outcome)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i] == name)
            {
                outcome = (Outcome)i;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
