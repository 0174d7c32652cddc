namespace Powers.Diagnostics;

/// <summary>Finds the closest known name to a misspelled one, for "did you mean" suggestions.</summary>
internal static class DidYouMean
{
    /// <summary>The closest candidate, or null when none is close enough to be a likely intention.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        double bestScore = double.MaxValue;
        foreach (string candidate in candidates)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            int distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            int prefix = CommonPrefix(name, candidate);
            int longer = Math.Max(name.Length, candidate.Length);
            bool plausible = distance <= Math.Max(2, longer / 3) || (prefix >= 4 && distance <= (longer * 2 / 3) + 1);
            if (!plausible)
            {
                continue;
            }

            double score = distance - (0.5 * Math.Min(prefix, 12));
            if (score < bestScore || (score == bestScore && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" for the closest candidate, or an empty string.</summary>
    public static string Suffix(string name, IEnumerable<string> candidates) => Suggest(name, candidates).ToString();

    /// <summary>
    /// The closest candidate as a diagnostic's message argument, written after <paramref name="lead"/>: the
    /// diagnostic keeps it as its <see cref="Diagnostic.Suggestion"/>, the replacement for the text at its location.
    /// </summary>
    public static Suggestion Suggest(string name, IEnumerable<string> candidates, string lead = "") => new(lead, Closest(name, candidates));

    private static int CommonPrefix(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = 0;
        while (i < n && char.ToUpperInvariant(a[i]) == char.ToUpperInvariant(b[i]))
        {
            i++;
        }

        return i;
    }

    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return Math.Max(a.Length, b.Length);
        }

        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[b.Length];
    }
}
