using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>Designations: reading, includes (with cycle detection) and checks against the law.</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] DesignationProperties = ["designation", "title", "force", "effective", "source", "include", "powers", "restrictions", "note", "confidence", "made"];

    private RawDesignation? ReadDesignation(SourceText source, JsonNode root)
    {
        if (RootObject(source, root, "the designation", DesignationProperties) is not { } reader)
        {
            return null;
        }

        var id = reader.String("designation", true);
        string title = reader.StringValue("title", true) ?? string.Empty;
        var force = reader.String("force", true);
        var effectiveNode = reader.Get("effective", false);
        var effective = effectiveNode is null ? EffectiveRange.Always : ReadEffective(source, effectiveNode, allowNever: false);
        string? sourceText = reader.StringValue("source", false);
        string? note = reader.StringValue("note", false);
        var (confidence, _) = ReadConfidence(reader, "designation '" + (id?.Value ?? "?") + "'");
        var madeNode = reader.String("made", false);
        var made = ReadDate(source, madeNode);
        var includes = reader.StringArray("include", false);
        var powers = reader.StringArray("powers", false).Where(p => CheckPower(source, p)).ToArray();
        var restrictions = new List<Restriction>();
        foreach (var item in ObjectItems(reader, "restrictions", "a restriction", [.. ClauseProperties, "powers"]))
        {
            var clause = ReadClause(item, "restriction", ClauseOrigin.Restriction, citeRequired: false);
            IReadOnlySet<string>? applies = item.Array("powers", false) is null ? null : KnownPowers(source, item.StringArray("powers", false));
            if (clause is not null)
            {
                restrictions.Add(new Restriction(clause, applies));
            }
        }

        if (force is not null && _forcesRead && !_forces.Any(f => f.Id == force.Value))
        {
            Report(DiagnosticDescriptors.UnknownForce, source, force.Span, force.Value, DidYouMean.Suggest(force.Value, _forces.Select(f => f.Id)));
        }

        if (id is null || force is null || effective is null || !CheckId(source, id, "designation id"))
        {
            if (id is not null)
            {
                // Dropped for another error (an invalid date): its includes are still checked, and designations
                // that include it are not told it is unknown.
                _droppedDesignations.Add((source, id.Value, includes));
            }

            return null;
        }

        return new RawDesignation
        {
            Source = source,
            IdNode = id,
            Title = title,
            Force = force.Value,
            Effective = effective.Value,
            SourceText = sourceText,
            Includes = includes,
            Powers = powers,
            Restrictions = restrictions,
            Note = note,
            Confidence = confidence,
            Made = made ?? (effectiveNode is null ? null : effective.Value.From),
        };
    }

    private List<Designation> ResolveDesignations(List<RawDesignation> raws)
    {
        var byId = new Dictionary<string, RawDesignation>(StringComparer.Ordinal);
        var unique = new List<RawDesignation>();
        foreach (var raw in raws)
        {
            if (byId.TryGetValue(raw.Id, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateId, raw.Source, raw.IdNode.Span, "Designation", raw.Id, new Location(first.Source, first.IdNode.Span).ToString());
                continue;
            }

            byId.Add(raw.Id, raw);
            unique.Add(raw);
        }

        var dropped = _droppedDesignations.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (includer, includes) in unique.Select(r => (r.Source, r.Includes)).Concat(_droppedDesignations.Select(d => (d.Source, d.Includes))))
        {
            foreach (var include in includes)
            {
                if (!byId.ContainsKey(include.Value) && !dropped.Contains(include.Value))
                {
                    Report(DiagnosticDescriptors.UnknownDesignation, includer, include.Span, include.Value, DidYouMean.Suggest(include.Value, byId.Keys.Concat(dropped)));
                }
            }
        }

        var result = new List<Designation>();
        foreach (var raw in unique)
        {
            // Everything reachable through includes, breadth first with an explicit queue (no recursion).
            var reached = new List<RawDesignation>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { raw.Id };
            var queue = new Queue<RawDesignation>();
            queue.Enqueue(raw);
            bool cycle = false;
            while (queue.Count > 0)
            {
                var current = queue.Dequeue();
                reached.Add(current);
                foreach (var include in current.Includes)
                {
                    if (include.Value == raw.Id)
                    {
                        cycle = true;
                    }

                    if (byId.TryGetValue(include.Value, out var next) && seen.Add(next.Id))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            if (cycle)
            {
                var span = raw.Includes.Count > 0 ? raw.Includes[0].Span : raw.IdNode.Span;
                Report(DiagnosticDescriptors.IncludeCycle, raw.Source, span, raw.Id, string.Join(", ", reached.Skip(1).Select(r => r.Id)) + " include it back");
            }

            var powers = new HashSet<string>(StringComparer.Ordinal);
            var restrictions = new List<Restriction>();
            foreach (var r in reached)
            {
                powers.UnionWith(r.Powers.Select(p => p.Value));
                restrictions.AddRange(r.Restrictions);
            }

            // What a designation confers is as certain as the least certain designation it includes.
            var confidence = reached.Any(r => r.Confidence == Confidence.Low) ? Confidence.Low : Confidence.High;
            string? note = confidence == Confidence.Low && raw.Confidence != Confidence.Low
                ? string.Join(" ", reached.Where(r => r.Confidence == Confidence.Low).Select(r => "Includes '" + r.Id + "': " + r.Note))
                : raw.Note;
            result.Add(new Designation(raw.Id, raw.Title, raw.Force, raw.Effective, raw.SourceText, raw.Includes.Select(i => i.Value).ToArray(), powers, restrictions, note, new Location(raw.Source, raw.IdNode.Span))
            {
                Confidence = confidence,
                Made = raw.Made,
            });
        }

        result.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return result;
    }

    private void CheckDesignationsAgainstLaw(List<Designation> designations, List<RuleSetVersion> versions)
    {
        foreach (var designation in designations)
        {
            // Only a power that no version in the designation's range confers is worth a warning: one that
            // lapses part way (a 2002 designation's cordon after 2017) is the law changing, which nobody can act on.
            var overlapping = versions.Where(v => v.Effective.Overlaps(designation.Effective)).ToList();
            if (overlapping.Count == 0)
            {
                continue;
            }

            foreach (string power in designation.Powers.Order(StringComparer.Ordinal))
            {
                bool everInForce = overlapping.Any(v => v.Powers.TryGetValue(power, out var rule) && (rule.Forces is null || rule.Forces.Contains(designation.Force)));
                if (!everInForce)
                {
                    var last = overlapping[^1];
                    var location = designation.Location!.Value;
                    Report(DiagnosticDescriptors.DesignatedPowerNotInForce, location.Source, location.Span, designation.Id, power, last.Id, last.Effective.ToString());
                }
            }
        }
    }
}
