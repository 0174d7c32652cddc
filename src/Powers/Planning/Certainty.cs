using Powers.Evaluation;
using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// Which low-confidence readings an outcome rests on. The plan's own (removals, commencements, transitional rules,
/// the power's entry, the designation) always count. Of the clauses, those that decided: for a denial, the failed
/// clauses, and only when none of them is firm (a firm failure denies whatever the uncertain ones say); otherwise
/// every clause, since each had to hold or may yet fail.
/// </summary>
internal static class Certainty
{
    public static IReadOnlyList<UncertainReading> Readings(PowerPlan plan, Outcome outcome, IReadOnlyList<ClauseResult> clauses)
    {
        List<UncertainReading>? result = plan.Uncertain.Count > 0 ? [.. plan.Uncertain] : null;
        if (outcome == Outcome.Denied)
        {
            bool firmFailure = false;
            foreach (var c in clauses)
            {
                firmFailure |= c.Status == Tri.False && c.Clause.Confidence == Confidence.High && Open(plan, c.Clause) is null;
            }

            if (firmFailure)
            {
                return result ?? (IReadOnlyList<UncertainReading>)[];
            }
        }

        foreach (var c in clauses)
        {
            bool counts = outcome != Outcome.Denied || c.Status == Tri.False;
            if (counts && c.Clause.Confidence == Confidence.Low)
            {
                Add(ref result, new UncertainReading(c.Clause.Cite, c.Clause.Note ?? "Marked low confidence without a note."));
            }

            // An open question behind a granted('...') answer only ever withholds, so a permitted outcome does not rest on it.
            if (counts && outcome != Outcome.Permitted && Open(plan, c.Clause) is { } open)
            {
                Add(ref result, open);
            }
        }

        return result ?? (IReadOnlyList<UncertainReading>)[];
    }

    private static void Add(ref List<UncertainReading>? result, UncertainReading reading)
    {
        result ??= [];
        if (!result.Contains(reading))
        {
            result.Add(reading);
        }
    }

    private static UncertainReading? Open(PowerPlan plan, Clause clause)
    {
        foreach (var (c, reading) in plan.OpenClauses)
        {
            if (ReferenceEquals(c, clause))
            {
                return reading;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <see cref="Readings"/> would name any reading, read straight from a decision's clause statuses
    /// (for metrics, which need the confidence of every power but not the readings themselves). Allocates nothing.
    /// </summary>
    public static bool IsLow(PowerPlan plan, Outcome outcome, Clause[] clauses, ReadOnlySpan<Tri> statuses)
    {
        if (plan.Uncertain.Count > 0)
        {
            return true;
        }

        var indices = plan.ClauseIndices;
        if (outcome == Outcome.Denied)
        {
            foreach (int i in indices)
            {
                if (statuses[i] == Tri.False && clauses[i].Confidence == Confidence.High && (plan.OpenClauses.Count == 0 || Open(plan, clauses[i]) is null))
                {
                    return false;
                }
            }
        }

        foreach (int i in indices)
        {
            bool counts = outcome != Outcome.Denied || statuses[i] == Tri.False;
            if (counts && (clauses[i].Confidence == Confidence.Low || (outcome != Outcome.Permitted && plan.OpenClauses.Count > 0 && Open(plan, clauses[i]) is not null)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The positions (in <see cref="PowerPlan.ClauseIndices"/>, the first 64) of the low-confidence clauses whose
    /// readings <see cref="Readings"/> adds after the plan's own, before it drops repeated readings: for the
    /// document writer, which copies each reading's encoded bytes. Allocates nothing.
    /// </summary>
    public static ulong CountedClauses(PowerPlan plan, Outcome outcome, Clause[] clauses, ReadOnlySpan<Tri> statuses)
    {
        var indices = plan.ClauseIndices;
        int count = Math.Min(indices.Length, 64);
        if (outcome == Outcome.Denied)
        {
            foreach (int i in indices)
            {
                if (statuses[i] == Tri.False && clauses[i].Confidence == Confidence.High)
                {
                    return 0;
                }
            }
        }

        ulong counted = 0;
        for (int k = 0; k < count; k++)
        {
            int i = indices[k];
            if ((outcome != Outcome.Denied || statuses[i] == Tri.False) && clauses[i].Confidence == Confidence.Low)
            {
                counted |= 1UL << k;
            }
        }

        return counted;
    }
}
