using Powers.Evaluation;
using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// Which low-confidence readings an outcome rests on. The plan's own (removals, commencements, transitional rules,
/// the power's entry, the designation) always count. Of the clauses, those that decided: for a denial, the failed
/// clauses, and only when none of them is firm (a firm failure denies whatever the uncertain ones say); otherwise
/// every clause, since each had to hold or may yet fail. A clause adds its own reading when it is low, and the open
/// question behind its <c>granted('...')</c> answer (<see cref="PowerPlan.OpenClauses"/>) unless the outcome is a
/// permission (such an answer only ever withholds). The rule is written once, in <see cref="Contributions"/>; the
/// readings, the confidence and the document writer all follow it.
/// </summary>
internal static class Certainty
{
    /// <summary>Receives the clause readings an outcome rests on, in order: by clause position, its own, then its open question.</summary>
    internal interface IReadingSink
    {
        void Add(int position, bool open);
    }

    public static IReadOnlyList<UncertainReading> Readings(PowerPlan plan, Outcome outcome, IReadOnlyList<ClauseResult> clauses)
    {
        var byPosition = new Clause[clauses.Count];
        var statuses = new Tri[clauses.Count];
        var positions = new int[clauses.Count];
        for (int k = 0; k < clauses.Count; k++)
        {
            byPosition[k] = clauses[k].Clause;
            statuses[k] = clauses[k].Status;
            positions[k] = k;
        }

        var sink = new ListSink(plan, byPosition);
        Contributions(plan, outcome, byPosition, statuses, positions, ref sink);
        return sink.Result ?? (IReadOnlyList<UncertainReading>)[];
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

        var sink = new AnySink();
        Contributions(plan, outcome, clauses, statuses, plan.ClauseIndices, ref sink);
        return sink.Any;
    }

    /// <summary>The open question behind a clause's <c>granted('...')</c> answer in this plan, or null.</summary>
    public static UncertainReading? Open(PowerPlan plan, Clause clause)
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
    /// The rule: tells <paramref name="sink"/> each clause reading the outcome rests on, before repeated readings are
    /// dropped. <paramref name="positions"/> maps each of the power's clause positions to its index in
    /// <paramref name="clauses"/> and <paramref name="statuses"/>. Allocates nothing.
    /// </summary>
    public static void Contributions<TSink>(PowerPlan plan, Outcome outcome, ReadOnlySpan<Clause> clauses, ReadOnlySpan<Tri> statuses, ReadOnlySpan<int> positions, ref TSink sink)
        where TSink : struct, IReadingSink
    {
        bool opens = plan.OpenClauses.Count > 0;
        if (outcome == Outcome.Denied)
        {
            foreach (int i in positions)
            {
                if (statuses[i] == Tri.False && clauses[i].Confidence == Confidence.High && (!opens || Open(plan, clauses[i]) is null))
                {
                    return;
                }
            }
        }

        for (int k = 0; k < positions.Length; k++)
        {
            int i = positions[k];
            if (outcome == Outcome.Denied && statuses[i] != Tri.False)
            {
                continue;
            }

            if (clauses[i].Confidence == Confidence.Low)
            {
                sink.Add(k, open: false);
            }

            if (opens && outcome != Outcome.Permitted && Open(plan, clauses[i]) is not null)
            {
                sink.Add(k, open: true);
            }
        }
    }

    /// <summary>A clause's own reading, as <see cref="Readings"/> names it.</summary>
    public static UncertainReading Own(Clause clause) => new(clause.Cite, clause.Note ?? "Marked low confidence without a note.");

    private struct AnySink : IReadingSink
    {
        public bool Any;

        public void Add(int position, bool open) => Any = true;
    }

    private struct ListSink(PowerPlan plan, Clause[] byPosition) : IReadingSink
    {
        public List<UncertainReading>? Result = plan.Uncertain.Count > 0 ? [.. plan.Uncertain] : null;

        public void Add(int position, bool open)
        {
            var clause = byPosition[position];
            var reading = open ? Open(plan, clause)! : Own(clause);
            Result ??= [];
            if (!Result.Contains(reading))
            {
                Result.Add(reading);
            }
        }
    }
}
