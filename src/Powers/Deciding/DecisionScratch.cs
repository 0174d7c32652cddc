using Powers.Planning;

namespace Powers.Deciding;

/// <summary>
/// A buffer per thread to decide into before the compact result is copied out of it (a decision keeps only
/// outcomes and statuses; the missing-fact masks are derived again when read). At least as large as the largest
/// plan it has served; deciders read and write only the plan's part of it.
/// </summary>
internal static class DecisionScratch
{
    [ThreadStatic]
    private static DecisionBuffer? t_buffer;

    public static DecisionBuffer For(DecisionPlan plan)
    {
        int powers = plan.PowerArray.Length;
        int clauses = plan.ClauseArray.Length;
        var buffer = t_buffer;
        if (buffer is null || buffer.Outcomes.Length < powers || buffer.Statuses.Length < clauses)
        {
            buffer = t_buffer = new DecisionBuffer(Math.Max(powers, buffer?.Outcomes.Length ?? 0), Math.Max(clauses, buffer?.Statuses.Length ?? 0));
        }

        return buffer;
    }
}
