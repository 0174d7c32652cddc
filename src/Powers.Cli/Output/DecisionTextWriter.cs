using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Output;

/// <summary>
/// Writes a decision for a person to read: the table of the powers conferred on this CSO first, the powers not in
/// force or not designated summarised in a line, then what decides each conferred power (the clauses that failed;
/// for an undetermined one, its missing facts on one line), and each low-confidence note once at the end, numbered. With <c>verbose</c> (or
/// <c>--power</c>), every power, every clause with its citation and expression, and what would permit each power.
/// </summary>
internal static class DecisionTextWriter
{
    public static void Write(TextWriter w, Decision decision, string? onlyPower, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(decision);
        string date = decision.Date is { } d ? EffectiveRange.Format(d) : "(no date)";
        string designation = decision.Designation.Id is { } id
            ? id + " (" + decision.Designation.Force + ")"
            : "ad-hoc (" + decision.Designation.Force + ": " + string.Join(", ", decision.Designation.Powers.Order(StringComparer.Ordinal)) + ")";
        string version = decision.Version is { } v ? v.Id + " revision " + v.Revision : "no version of the law in force";
        w.WriteLine("Date:        " + date);
        w.WriteLine("Designation: " + designation);
        w.WriteLine("Law:         " + version + (decision.Version is { } t ? " - " + t.Title : string.Empty));
        w.WriteLine();

        bool full = verbose || onlyPower is not null;
        // What would permit a power is shown only in full, and searched for only then (within the tool's steps, no clock).
        var powers = (full ? decision.Explain(CliBudget.Explanation) : decision.Powers).Where(p => onlyPower is null || p.Power == onlyPower).ToList();
        var listed = full ? powers : powers.Where(Conferred).ToList();
        var notes = new List<UncertainReading>();
        if (listed.Count > 0)
        {
            int width = Math.Max(5, listed.Max(p => p.Power.Length));
            w.WriteLine("POWER".PadRight(width) + "  OUTCOME          CONFIDENCE  PROVISION");
            foreach (var power in listed)
            {
                string confidence = power.Confidence == Confidence.Low ? "LOW " + References(power, notes) : "high";
                w.WriteLine(power.Power.PadRight(width) + "  " + OutcomeNames.Name(power.Outcome).PadRight(15) + "  " + confidence.PadRight(10) + "  " + (power.Cite ?? "-"));
            }
        }

        if (!full)
        {
            Summarise(w, powers, notes);
        }

        bool first = true;
        foreach (var power in listed)
        {
            if (full || power.Outcome != Outcome.Permitted)
            {
                if (first)
                {
                    w.WriteLine();
                    first = false;
                }

                WritePower(w, power, full, notes);
            }
        }

        if (notes.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Notes (low-confidence readings):");
            for (int i = 0; i < notes.Count; i++)
            {
                w.WriteLine("  [" + (i + 1) + "] " + notes[i].Cite + ": " + notes[i].Note);
            }
        }
    }

    private static bool Conferred(PowerDecision power) => power.Outcome is Outcome.Permitted or Outcome.Denied or Outcome.Undetermined;

    /// <summary>One line for the powers that are not conferred, counted by outcome; <c>--verbose</c> lists them.</summary>
    private static void Summarise(TextWriter w, List<PowerDecision> powers, List<UncertainReading> notes)
    {
        var parts = new List<string>();
        foreach (var outcome in (Outcome[])[Outcome.NotDesignated, Outcome.NotInForce])
        {
            var these = powers.Where(p => p.Outcome == outcome).ToList();
            if (these.Count == 0)
            {
                continue;
            }

            var low = these.Where(p => p.Confidence == Confidence.Low).ToList();
            string lowText = low.Count == 0 ? string.Empty : " (" + (low.Count == these.Count ? string.Empty : low.Count + " ") + "low confidence " + string.Concat(low.Select(p => References(p, notes)).Distinct(StringComparer.Ordinal)) + ")";
            parts.Add(these.Count + " " + OutcomeNames.Name(outcome) + lowText);
        }

        if (parts.Count > 0)
        {
            w.WriteLine("Not listed: " + string.Join(", ", parts) + "; --verbose lists them with the reasons.");
        }
    }

    private static void WritePower(TextWriter w, PowerDecision power, bool full, List<UncertainReading> notes)
    {
        string lowMark = power.Confidence == Confidence.Low ? " (low confidence " + References(power, notes) + ")" : string.Empty;
        if (!full && power.Outcome == Outcome.Undetermined)
        {
            // No clause of an undetermined power fails, so the missing facts are all that decide it: one line each,
            // which keeps a designation's answer readable however many of its powers are undetermined.
            w.WriteLine(power.Power + ": " + OutcomeNames.Name(power.Outcome) + lowMark + " - missing facts: " + string.Join(", ", power.Missing.Select(f => f.Name)));
            return;
        }

        w.WriteLine(power.Power + ": " + OutcomeNames.Name(power.Outcome) + lowMark + " - " + power.Title);
        if (full && power.Plan.Reason is { } reason)
        {
            w.WriteLine("  " + reason);
        }

        foreach (var clause in power.Clauses)
        {
            if (!full && clause.Status != Tri.False)
            {
                continue;
            }

            string mark = clause.Status switch { Tri.True => "[held]   ", Tri.False => "[FAILED] ", _ => "[unknown]" };
            string low = clause.Clause.Confidence == Confidence.Low ? " (low confidence)" : string.Empty;
            w.WriteLine("  " + mark + " " + clause.Clause.Id + ": " + clause.Clause.Text + low);
            w.WriteLine("             " + clause.Clause.Cite + "  [" + clause.Clause.ExpressionText + "]");
        }

        if (power.Missing.Count > 0)
        {
            w.WriteLine("  missing facts: " + string.Join(", ", power.Missing.Select(f => f.Name)));
        }

        // What would permit it is one long line per power; with every undetermined power of a designation it
        // doubled the README's answer, so it is shown with --verbose or --power.
        if (!full)
        {
            return;
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

    /// <summary>The numbers of a power's notes, <c>[1][2]</c>, each note numbered the first time it is met.</summary>
    private static string References(PowerDecision power, List<UncertainReading> notes)
    {
        var numbers = new List<int>();
        foreach (var reading in power.Uncertain)
        {
            int index = notes.IndexOf(reading);
            if (index < 0)
            {
                notes.Add(reading);
                index = notes.Count - 1;
            }

            numbers.Add(index + 1);
        }

        return string.Concat(numbers.Order().Select(n => "[" + n + "]"));
    }
}
