using Powers.Compilation;
using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;

namespace Powers;

/// <summary>
/// Runs a library's golden cases through an engine. Beside <see cref="PowersEngine"/>, not in <c>Compilation</c>:
/// it decides, so it sits at the front door's level, which uses the compiler and is used by nothing in the core.
/// </summary>
internal static class GoldenCaseRunner
{
    /// <summary>Runs every case and reports what differed.</summary>
    public static IReadOnlyList<GoldenCaseResult> Run(PowersEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var results = new List<GoldenCaseResult>();
        foreach (var c in engine.Library.Cases)
        {
            var failures = new List<string>();
            var errors = new List<QueryError>();
            var query = QueryReader.Read(engine.Library, c.Query, errors);
            if (query is null)
            {
                failures.AddRange(errors.Select(e => "invalid query: " + e));
                results.Add(new GoldenCaseResult(c, failures));
                continue;
            }

            var decision = engine.Decide(query);
            foreach (var (power, expected) in c.Expect)
            {
                var actual = decision.Find(power);
                string actualName = actual is null ? "absent" : OutcomeNames.Name(actual.Outcome);
                if (actualName != expected)
                {
                    string why = actual is null ? string.Empty : Explain(actual);
                    failures.Add(power + ": expected " + expected + ", got " + actualName + why);
                }
            }

            foreach (var (power, facts) in c.Missing)
            {
                var actual = decision.Find(power);
                var actualFacts = actual?.Missing.Select(f => f.Name).Order(StringComparer.Ordinal).ToArray() ?? [];
                var expectedFacts = facts.Order(StringComparer.Ordinal).ToArray();
                if (!actualFacts.SequenceEqual(expectedFacts))
                {
                    failures.Add(power + ": expected missing [" + string.Join(", ", expectedFacts) + "], got [" + string.Join(", ", actualFacts) + "]");
                }
            }

            results.Add(new GoldenCaseResult(c, failures));
        }

        return results;
    }

    private static string Explain(PowerDecision decision)
    {
        if (decision.Plan.Reason is { } reason)
        {
            return " (" + reason + ")";
        }

        var deciding = decision.Clauses.Where(c => c.Status != Tri.True).Select(c => c.Clause.Id + " " + TriLogic.StatusName(c.Status));
        string list = string.Join(", ", deciding);
        return list.Length == 0 ? string.Empty : " (" + list + ")";
    }
}
