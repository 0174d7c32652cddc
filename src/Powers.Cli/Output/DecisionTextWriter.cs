using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Output;

/// <summary>Writes a decision as a readable table with the deciding clauses and their citations.</summary>
internal static class DecisionTextWriter
{
    public static void Write(TextWriter w, Decision decision, string? onlyPower)
    {
        string date = decision.Date is { } d ? EffectiveRange.Format(d) : "(no date)";
        string designation = decision.Designation.Id is { } id
            ? id + " (" + decision.Designation.Force + ")"
            : "ad-hoc (" + decision.Designation.Force + ": " + string.Join(", ", decision.Designation.Powers.Order(StringComparer.Ordinal)) + ")";
        string version = decision.Version is { } v ? v.Id + " revision " + v.Revision : "no version of the law in force";
        w.WriteLine("Date:        " + date);
        w.WriteLine("Designation: " + designation);
        w.WriteLine("Law:         " + version + (decision.Version is { } t ? " - " + t.Title : string.Empty));
        w.WriteLine();
        // The text shows everything, permitted-if lines included: it explains (within the tool's steps, no clock).
        var powers = decision.Explain(CliBudget.Explanation).Where(p => onlyPower is null || p.Power == onlyPower).ToList();
        int width = Math.Max(5, powers.Max(p => p.Power.Length));
        w.WriteLine("POWER".PadRight(width) + "  OUTCOME          CONFIDENCE  PROVISION");
        foreach (var power in powers)
        {
            string confidence = power.Confidence == Confidence.Low ? "LOW" : "high";
            w.WriteLine(power.Power.PadRight(width) + "  " + OutcomeNames.Name(power.Outcome).PadRight(15) + "  " + confidence.PadRight(10) + "  " + (power.Cite ?? "-"));
        }

        foreach (var power in powers)
        {
            w.WriteLine();
            string lowMark = power.Confidence == Confidence.Low ? " (low confidence)" : string.Empty;
            w.WriteLine(power.Power + ": " + OutcomeNames.Name(power.Outcome) + lowMark + " - " + power.Title);
            if (power.Plan.Reason is { } reason)
            {
                w.WriteLine("  " + reason);
            }

            foreach (var reading in power.Uncertain)
            {
                w.WriteLine("  uncertain: " + reading.Cite + ": " + reading.Note);
            }

            foreach (var clause in power.Clauses)
            {
                string mark = clause.Status switch { Tri.True => "[held]   ", Tri.False => "[FAILED] ", _ => "[unknown]" };
                string low = clause.Clause.Confidence == Confidence.Low ? " (low confidence)" : string.Empty;
                w.WriteLine("  " + mark + " " + clause.Clause.Id + ": " + clause.Clause.Text + low);
                w.WriteLine("             " + clause.Clause.Cite + "  [" + clause.Clause.ExpressionText + "]");
            }

            if (power.Missing.Count > 0)
            {
                w.WriteLine("  missing facts: " + string.Join(", ", power.Missing.Select(f => f.Name)));
            }

            if (power.PermittedIf is { } permittedIf)
            {
                w.WriteLine("  permitted if " + permittedIf + (power.Example is { } example ? " (for example " + string.Join(", ", example) + ")" : string.Empty));
            }
            else if (power.Residual?.Stopped is { } stopped)
            {
                w.WriteLine("  permitted if: not known (the search for it " + stopped + ")");
            }
        }
    }
}
