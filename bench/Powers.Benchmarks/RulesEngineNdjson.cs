using System.Text;
using System.Text.Json;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Queries;
using Powers.RulesEngine;
using RulesEngine.Models;
using Engine = RulesEngine.RulesEngine;

namespace Powers.Benchmarks;

/// <summary>
/// The RulesEngine baseline of <c>powers query --input FILE --format outcomes</c>, for timing whole processes: per
/// line, the query is resolved by Powers' fast reader and plan cache (which version, designation and date: the
/// workflow to run), its facts are read with System.Text.Json into an ExpandoObject (<see cref="JsonFacts"/>), and
/// RulesEngine runs every rule of the workflow <c>powers export</c> writes for that plan (one RulesEngine per plan,
/// kept for the whole run); one line of <c>{"power": "permitted" | "not-permitted"}</c> is written per query.
/// RulesEngine is two-valued, so it cannot say undetermined or why a power is not permitted.
/// </summary>
public static class RulesEngineNdjson
{
    /// <summary>Runs every line of <paramref name="path"/>; returns the number of lines it could not resolve.</summary>
    public static int Run(RuleLibrary library, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var reader = new CompactQueryReader(library);
        var plans = new PlanCache(library, ReferenceInterpreter.Instance);
        var engines = new Dictionary<CachedPlan, (Engine Engine, string Workflow)>(ReferenceEqualityComparer.Instance);
        var situation = new Situation(library.Schema);
        var text = new StringBuilder(512);
        int bad = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (!reader.TryRead(line, situation, out var date, out var designation, out var version) || version is null)
            {
                bad++;
                continue;
            }

            var plan = plans.Get(version, designation!, date);
            if (!engines.TryGetValue(plan, out var entry))
            {
                var workflows = WorkflowExporter.Export(plan.Plan);
                entry = (new Engine([.. workflows], new ReSettings()), workflows[0].WorkflowName);
                engines.Add(plan, entry);
            }

            using var document = JsonDocument.Parse(line);
            var input = new RuleParameter(RulesEngineNames.SituationParameter, JsonFacts.Expando(library.Schema, document.RootElement));
            var results = entry.Engine.ExecuteAllRulesAsync(entry.Workflow, input).AsTask().GetAwaiter().GetResult();
            text.Clear().Append('{');
            foreach (var result in results)
            {
                text.Append(text.Length > 1 ? ",\"" : "\"").Append(result.Rule.RuleName).Append(result.IsSuccess ? "\":\"permitted\"" : "\":\"not-permitted\"");
            }

            output.Write(text.Append("}\n"));
        }

        return bad;
    }
}
