using System.Diagnostics;
using System.Globalization;
using Powers.Deciding;
using Powers.Model;

namespace Powers.Benchmarks;

/// <summary>
/// The compiled program of one scenario decided N times, bare (outcomes) or explained (statuses and missing facts),
/// reporting the process's CPU time per decision: on a machine shared with builds, CPU time moves far less than the
/// wall clock BenchmarkDotNet reads, so it can compare two builds while the quiet window is still to come. Not a
/// figure of record (those are <see cref="DecisionBenchmarks"/>'s).
/// </summary>
internal static class DecideLoop
{
    public static int Run(string scenario, string mode, long count, TextWriter output)
    {
        if (mode is not ("bare" or "explained") || count <= 0)
        {
            output.WriteLine("usage: decide-loop SCENARIO bare|explained COUNT (COUNT > 0)");
            return 2;
        }

        var s = BenchmarkData.Scenario(scenario);
        var program = DecisionProgram.Compile(s.Plan);
        var buffer = s.Plan.CreateBuffer();
        var outcomes = new Outcome[s.Plan.Powers.Count];
        var situation = s.Query.Situation;
        bool explained = mode == "explained";

        // Once before the clock: the explained form compiles on first use.
        program.Decide(situation, buffer);
        program.DecideOutcomes(situation, outcomes);
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        long permitted = 0;
        for (long i = 0; i < count; i++)
        {
            Outcome first;
            if (explained)
            {
                program.Decide(situation, buffer);
                first = buffer.Outcomes[0];
            }
            else
            {
                program.DecideOutcomes(situation, outcomes);
                first = outcomes[0];
            }

            permitted += first == Outcome.Permitted ? 1 : 0;
        }

        process.Refresh();
        double ns = (process.TotalProcessorTime - before).TotalMilliseconds * 1e6 / count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario} {mode}: {ns:F1} ns CPU a decision over {count} ({s.Plan.Clauses.Count} clauses, {s.Plan.Powers.Count} powers; first power permitted {permitted} times)"));
        return 0;
    }
}
