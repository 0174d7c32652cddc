using System.Security.Cryptography;
using System.Text;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>Rule set versions: reading, <c>extends</c>, overlaps and consolidation.</content>
public sealed partial class LibraryCompiler
{
    private static readonly string[] RuleSetProperties = ["ruleset", "version", "revision", "title", "effective", "extends", "sources", "changes", "general", "standard", "notInForceFor", "powers", "remove", "preserve"];
    private static readonly string[] ForceExclusionProperties = ["forces", "cite", "text", "confidence", "note"];
    private static readonly string[] RemovalProperties = ["power", "cite", "text", "confidence", "note", "standardNote"];
    private static readonly string[] PreserveProperties = ["id", "madeBefore", "version", "powers", "cease", "cite", "text", "confidence", "note", "standardNote"];
    private static readonly string[] PowerProperties = ["title", "cite", "clauses", "forces", "nations", "otherForces", "requires", "confidence", "note"];
    private static readonly string[] OtherForcesProperties = ["cite", "text", "confidence", "note"];

    private RawVersion? ReadRuleSet(SourceText source, JsonNode root)
    {
        if (RootObject(source, root, "the rule set", RuleSetProperties) is not { } reader)
        {
            return null;
        }

        var family = reader.String("ruleset", true);
        var version = reader.String("version", true);
        int revision = reader.Int("revision", true, 1) ?? 1;
        string title = reader.StringValue("title", true) ?? string.Empty;
        var effectiveNode = reader.Get("effective", true);
        var effective = effectiveNode is null ? null : ReadEffective(source, effectiveNode, allowNever: true);
        var extends = reader.String("extends", false);
        var sources = reader.StringArray("sources", false).Select(s => s.Value).ToArray();
        var changes = reader.StringArray("changes", false).Select(s => s.Value).ToArray();

        var general = new List<GeneralClause>();
        var generalIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ObjectItems(reader, "general", "a general clause", [.. ClauseProperties, "except", "nations"]))
        {
            var clause = ReadClause(item, "general", ClauseOrigin.General, citeRequired: true);
            var except = KnownPowers(source, item.StringArray("except", false));
            if (clause is null)
            {
                continue;
            }

            if (!generalIds.Add(clause.Id))
            {
                Report(DiagnosticDescriptors.DuplicateId, source, clause.Location.Span, "General clause", clause.Id, "an earlier general clause");
                continue;
            }

            general.Add(new GeneralClause(clause, except));
        }

        IReadOnlyList<JsonString>? standard = null;
        if (reader.Array("standard", false) is { } standardArray)
        {
            standard = reader.StringItems(standardArray, "standard").Where(s => CheckPower(source, s)).ToArray();
        }

        var powers = ReadPowerRules(reader);
        var removePowers = new List<(JsonString Id, PowerRemoval? Detail)>();
        var removeGeneral = new List<JsonString>();
        if (reader.ObjectProperty("remove", false) is { } removeNode)
        {
            var remove = new JsonObjectReader(removeNode, source, _diagnostics, "remove", ["powers", "general"]);
            if (remove.Array("powers", false) is { } removeArray)
            {
                ReadRemovals(source, removeArray, removePowers);
            }

            removeGeneral.AddRange(remove.StringArray("general", false));
            if (extends is null && (removeGeneral.Count > 0 || removePowers.Any(r => r.Detail is null)))
            {
                // A removal with its reasons may stand in a first version: it records a power never commenced.
                Report(DiagnosticDescriptors.InvalidValue, source, new TextSpan(removeNode.Span.Start, 1), "remove", "property here", "'remove' only makes sense with 'extends', except a removal given as an object with its 'cite', which records a power never commenced");
            }
        }

        var preserve = ReadPreserve(reader);
        var exclusions = ReadForceExclusions(reader);

        if (family is null || version is null || effective is null || !CheckId(source, family, "rule set id") || !CheckId(source, version, "version id"))
        {
            return null;
        }

        return new RawVersion
        {
            Source = source,
            Family = family.Value,
            VersionNode = version,
            Revision = revision,
            Title = title,
            Effective = effective.Value,
            EffectiveSpan = effectiveNode!.Span,
            Extends = extends,
            Sources = sources,
            Changes = changes,
            General = general,
            Standard = standard,
            Powers = powers,
            RemovePowers = removePowers,
            RemoveGeneral = removeGeneral,
            Preserve = preserve,
            ForceExclusions = exclusions,
        };
    }

    private List<ForceExclusion>? ReadForceExclusions(JsonObjectReader reader)
    {
        if (reader.Array("notInForceFor", false) is null)
        {
            return null;
        }

        var source = reader.Source;
        var result = new List<ForceExclusion>();
        foreach (var item in ObjectItems(reader, "notInForceFor", "a force exclusion", ForceExclusionProperties))
        {
            var forces = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in item.StringArray("forces", true))
            {
                if (_forces.Any(x => x.Id == f.Value))
                {
                    forces.Add(f.Value);
                }
                else if (_forcesRead)
                {
                    Report(DiagnosticDescriptors.UnknownForce, source, f.Span, f.Value, DidYouMean.Suggest(f.Value, _forces.Select(x => x.Id)));
                }
            }

            string? cite = item.StringValue("cite", false);
            string text = item.StringValue("text", false) ?? string.Empty;
            var (confidence, note) = ReadConfidence(item, "the force exclusion");
            if (string.IsNullOrWhiteSpace(cite))
            {
                Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(item, "cite"), "A force exclusion");
            }

            result.Add(new ForceExclusion(forces, cite ?? string.Empty, text, confidence, note, At(source, item.OpeningBrace)));
        }

        return result;
    }

    private void ReadRemovals(SourceText source, JsonArray array, List<(JsonString Id, PowerRemoval? Detail)> result)
    {
        foreach (var item in array.Items)
        {
            switch (item)
            {
                case JsonString id:
                    if (CheckPower(source, id))
                    {
                        result.Add((id, null));
                    }

                    break;
                case JsonObject obj:
                    var reader = new JsonObjectReader(obj, source, _diagnostics, "a removal", RemovalProperties);
                    var power = reader.String("power", true);
                    string? cite = reader.StringValue("cite", false);
                    string text = reader.StringValue("text", false) ?? string.Empty;
                    var (confidence, note) = ReadConfidence(reader, "the removal of '" + (power?.Value ?? "?") + "'");
                    if (string.IsNullOrWhiteSpace(cite))
                    {
                        Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(reader, "cite"), "The removal of '" + (power?.Value ?? "?") + "'");
                    }

                    if (power is not null && CheckPower(source, power))
                    {
                        result.Add((power, new PowerRemoval(power.Value, cite ?? string.Empty, text, confidence, note, At(source, power.Span))));
                    }

                    break;
                default:
                    _diagnostics.Report(DiagnosticDescriptors.WrongJsonType, source, item.Span, "remove.powers[]", "a power id or an object with 'power' and 'cite'", item.KindPhrase);
                    break;
            }
        }
    }

    private List<RawPreservation> ReadPreserve(JsonObjectReader reader)
    {
        var source = reader.Source;
        var result = new List<RawPreservation>();
        foreach (var item in ObjectItems(reader, "preserve", "a preserve entry", PreserveProperties))
        {
            var id = item.String("id", true);
            var madeBefore = ReadDate(source, item.String("madeBefore", true));
            var version = item.String("version", true);
            var powers = KnownPowers(source, item.StringArray("powers", true));
            var ceased = new Dictionary<string, PowerRemoval>(StringComparer.Ordinal);
            if (item.Array("cease", false) is { } ceaseArray)
            {
                var read = new List<(JsonString Id, PowerRemoval? Detail)>();
                ReadRemovals(source, ceaseArray, read);
                foreach (var (power, detail) in read)
                {
                    if (detail is null)
                    {
                        // A bare id would give the decision no reason; the point of 'cease' is the reason.
                        Report(DiagnosticDescriptors.WrongJsonType, source, power.Span, "preserve.cease[]", "an object with 'power', 'cite' and 'text'", "a string");
                    }
                    else if (powers.Contains(power.Value))
                    {
                        Report(DiagnosticDescriptors.InvalidValue, source, power.Span, power.Value, "power to cease", "it is also in 'powers', which keeps it");
                    }
                    else
                    {
                        ceased[power.Value] = detail;
                    }
                }
            }

            string? cite = item.StringValue("cite", false);
            string text = item.StringValue("text", false) ?? string.Empty;
            string? standardNote = item.StringValue("standardNote", false);
            var (confidence, note) = ReadConfidence(item, "preserve entry '" + (id?.Value ?? "?") + "'");
            if (string.IsNullOrWhiteSpace(cite))
            {
                Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(item, "cite"), "Preserve entry '" + (id?.Value ?? "?") + "'");
            }

            if (id is null || madeBefore is null || version is null || !CheckId(source, id, "preserve id"))
            {
                continue;
            }

            if (result.Any(r => r.Entry.Id == id.Value))
            {
                Report(DiagnosticDescriptors.DuplicateId, source, id.Span, "Preserve entry", id.Value, "an earlier preserve entry");
                continue;
            }

            result.Add(new RawPreservation(version, new Preservation(id.Value, madeBefore.Value, string.Empty, powers, cite ?? string.Empty, text, confidence, note, At(source, id.Span)) { StandardNote = standardNote, Ceased = ceased }));
        }

        return result;
    }

    private List<PowerRule> ReadPowerRules(JsonObjectReader reader)
    {
        var source = reader.Source;
        var result = new List<PowerRule>();
        if (reader.ObjectProperty("powers", false) is not { } powers)
        {
            return result;
        }

        foreach (var p in powers.Properties)
        {
            var id = new JsonString(p.NameSpan, p.Name, null);
            bool known = CheckPower(source, id);
            if (p.Value is not JsonObject obj)
            {
                Report(DiagnosticDescriptors.WrongJsonType, source, p.Value.Span, p.Name, "an object", p.Value.KindPhrase);
                continue;
            }

            var power = new JsonObjectReader(obj, source, _diagnostics, "power '" + p.Name + "'", PowerProperties);
            string title = power.StringValue("title", true) ?? string.Empty;
            string? cite = power.StringValue("cite", false);
            if (string.IsNullOrWhiteSpace(cite))
            {
                Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(power, "cite"), "Power '" + p.Name + "'");
            }

            var (confidence, note) = ReadConfidence(power, "power '" + p.Name + "'");
            var clauses = new List<Clause>();
            foreach (var item in ObjectItems(power, "clauses", "clause of '" + p.Name + "'", [.. ClauseProperties, "nations"]))
            {
                if (ReadClause(item, "power '" + p.Name + "'", ClauseOrigin.Power, citeRequired: true) is { } clause)
                {
                    if (clauses.Any(c => c.Id == clause.Id))
                    {
                        Report(DiagnosticDescriptors.DuplicateClause, source, clause.Location.Span, p.Name, clause.Id);
                        continue;
                    }

                    clauses.Add(clause);
                }
            }

            HashSet<string>? forces = null;
            if (power.Array("forces", false) is { } forcesArray)
            {
                forces = new HashSet<string>(StringComparer.Ordinal);
                foreach (var f in power.StringItems(forcesArray, "forces"))
                {
                    if (_forces.Any(x => x.Id == f.Value))
                    {
                        forces.Add(f.Value);
                    }
                    else if (_forcesRead)
                    {
                        Report(DiagnosticDescriptors.UnknownForce, source, f.Span, f.Value, DidYouMean.Suggest(f.Value, _forces.Select(x => x.Id)));
                    }
                }
            }

            var nations = ReadNations(power);
            PowerRemoval? otherForces = null;
            if (power.ObjectProperty("otherForces", false) is { } otherNode)
            {
                var other = new JsonObjectReader(otherNode, source, _diagnostics, "otherForces of '" + p.Name + "'", OtherForcesProperties);
                string? otherCite = other.StringValue("cite", false);
                string otherText = other.StringValue("text", false) ?? string.Empty;
                var (otherConfidence, otherNote) = ReadConfidence(other, "otherForces of '" + p.Name + "'");
                if (string.IsNullOrWhiteSpace(otherCite))
                {
                    Report(DiagnosticDescriptors.MissingCitation, source, SpanOf(other, "cite"), "otherForces of '" + p.Name + "'");
                }

                if (forces is null && nations is null)
                {
                    Report(DiagnosticDescriptors.InvalidValue, source, new TextSpan(otherNode.Span.Start, 1), "otherForces", "property here", "it says why the power is not in force for a force outside 'forces' or 'nations', so give one of them");
                }

                otherForces = new PowerRemoval(p.Name, otherCite ?? string.Empty, otherText, otherConfidence, otherNote, At(source, otherNode.Span));
            }

            var requires = new List<string>();
            foreach (var r in power.StringArray("requires", false))
            {
                if (r.Value == p.Name)
                {
                    Report(DiagnosticDescriptors.InvalidRequires, source, r.Span, p.Name, r.Value, "a power cannot require itself");
                }
                else if (CheckPower(source, r))
                {
                    requires.Add(r.Value);
                }
            }

            if (known)
            {
                result.Add(new PowerRule(p.Name, title, cite ?? string.Empty, clauses, forces, requires, confidence, note, At(source, p.NameSpan)) { Nations = nations, OtherForces = otherForces });
            }
        }

        return result;
    }

    private List<RuleSetVersion> Consolidate(List<RawVersion> raws)
    {
        var byKey = new Dictionary<string, RawVersion>(StringComparer.Ordinal);
        var unique = new List<RawVersion>();
        foreach (var raw in raws)
        {
            if (byKey.TryGetValue(raw.Id, out var first))
            {
                Report(DiagnosticDescriptors.DuplicateId, raw.Source, raw.VersionNode.Span, "Rule set version", raw.Id, first.Location.ToString());
                continue;
            }

            byKey.Add(raw.Id, raw);
            unique.Add(raw);
        }

        var done = new Dictionary<RawVersion, RuleSetVersion>();
        var withoutBase = new HashSet<RawVersion>();
        // Versions with a missing version anywhere up their extends chain: what they inherit is incomplete, so the
        // checks of what they inherit (removals, standard powers) would only repeat the error that made it missing.
        var incomplete = new HashSet<RawVersion>();
        foreach (var raw in unique)
        {
            // Walk the extends chain iteratively (no recursion on author input), then build from the base up.
            var chain = new List<RawVersion>();
            var onChain = new HashSet<RawVersion>();
            var current = raw;
            bool cycle = false;
            while (current is not null && !done.ContainsKey(current))
            {
                if (!onChain.Add(current))
                {
                    cycle = true;
                    break;
                }

                chain.Add(current);
                if (current.Extends is null)
                {
                    break;
                }

                byKey.TryGetValue(current.Family + "@" + current.Extends.Value, out var next);
                current = next;
            }

            if (cycle)
            {
                string path = string.Join(" -> ", chain.Select(c => c.Version)) + " -> " + current!.Version;
                Report(DiagnosticDescriptors.ExtendsCycle, raw.Source, raw.Extends!.Span, raw.Id, path);
            }

            for (int i = chain.Count - 1; i >= 0; i--)
            {
                var item = chain[i];
                if (done.ContainsKey(item))
                {
                    continue;
                }

                RuleSetVersion? baseVersion = null;
                if (item.Extends is { } extends)
                {
                    if (byKey.TryGetValue(item.Family + "@" + extends.Value, out var baseRaw))
                    {
                        done.TryGetValue(baseRaw, out baseVersion);
                        if (incomplete.Contains(baseRaw))
                        {
                            incomplete.Add(item);
                        }
                    }
                    else if (!ReportUnavailable(item.Family, extends.Value, item.Source, extends.Span))
                    {
                        var candidates = unique.Where(u => u.Family == item.Family).Select(u => u.Version);
                        Report(DiagnosticDescriptors.UnknownVersion, item.Source, extends.Span, item.Family, extends.Value, DidYouMean.Suggest(extends.Value, candidates));
                    }

                    if (baseVersion is null)
                    {
                        // Reported above (or as a cycle); what it would have inherited is not also reported missing.
                        withoutBase.Add(item);
                        incomplete.Add(item);
                    }
                }

                done[item] = Merge(item, baseVersion, incomplete.Contains(item));
            }
        }

        var versions = unique.Select(u => done[u]).ToList();
        versions.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Family, b.Family);
            if (c != 0)
            {
                return c;
            }

            c = b.Effective.Never.CompareTo(a.Effective.Never);
            return c != 0 ? c : a.Effective.From.CompareTo(b.Effective.From);
        });
        CheckRanges(versions, unique);
        foreach (var v in versions)
        {
            var raw = unique.First(u => u.Id == v.Id);
            if (!withoutBase.Contains(raw))
            {
                CheckVersion(v, raw, incomplete.Contains(raw));
            }

            CheckPreserve(raw, byKey);
        }

        return versions;
    }

    private RuleSetVersion Merge(RawVersion raw, RuleSetVersion? baseVersion, bool baseMissing)
    {
        var general = baseVersion?.General.ToList() ?? [];
        foreach (var id in raw.RemoveGeneral)
        {
            int index = general.FindIndex(g => g.Clause.Id == id.Value);
            if (index >= 0)
            {
                general.RemoveAt(index);
            }
            else if (!baseMissing)
            {
                Report(DiagnosticDescriptors.RemovesNothing, raw.Source, id.Span, id.Value, raw.Extends?.Value ?? "nothing");
            }
        }

        foreach (var clause in raw.General)
        {
            int index = general.FindIndex(g => g.Clause.Id == clause.Clause.Id);
            if (index >= 0)
            {
                general[index] = clause;
            }
            else
            {
                general.Add(clause);
            }
        }

        var powers = baseVersion is null
            ? new Dictionary<string, PowerRule>(StringComparer.Ordinal)
            : new Dictionary<string, PowerRule>(baseVersion.Powers, StringComparer.Ordinal);
        var removals = baseVersion is null
            ? new Dictionary<string, PowerRemoval>(StringComparer.Ordinal)
            : new Dictionary<string, PowerRemoval>(baseVersion.Removals, StringComparer.Ordinal);
        foreach (var (id, detail) in raw.RemovePowers)
        {
            // A removal with its reasons may name a power absent from the base: it records why it is not in force.
            if (!powers.Remove(id.Value) && detail is null && !baseMissing)
            {
                Report(DiagnosticDescriptors.RemovesNothing, raw.Source, id.Span, id.Value, raw.Extends?.Value ?? "nothing");
            }

            if (detail is not null)
            {
                removals[id.Value] = detail;
            }
            else
            {
                removals.Remove(id.Value);
            }
        }

        foreach (var power in raw.Powers)
        {
            powers[power.Id] = power;
            removals.Remove(power.Id);
        }

        var preserved = raw.Preserve.Count > 0
            ? raw.Preserve.Select(p => p.Entry with { VersionId = raw.Family + "@" + p.Version.Value }).ToList()
            : baseVersion?.Preserved.ToList() ?? [];

        IReadOnlySet<string> standard = raw.Standard is { } list
            ? list.Select(s => s.Value).ToHashSet(StringComparer.Ordinal)
            : baseVersion?.Standard ?? new HashSet<string>(StringComparer.Ordinal);

        string sha = Sha256((baseVersion?.Sha256 ?? string.Empty) + raw.Source.Text);
        return new RuleSetVersion(raw.Family, raw.Version, raw.Revision, raw.Title, raw.Effective, raw.Extends?.Value, raw.Sources, raw.Changes, general, standard, powers, sha, raw.Location)
        {
            Removals = removals,
            Preserved = preserved,
            ForceExclusions = raw.ForceExclusions ?? baseVersion?.ForceExclusions ?? [],
        };
    }

    private void CheckVersion(RuleSetVersion version, RawVersion raw, bool ancestryIncomplete)
    {
        foreach (string id in version.Standard)
        {
            if (!version.Powers.ContainsKey(id) && !ancestryIncomplete)
            {
                var span = raw.Standard?.FirstOrDefault(s => s.Value == id)?.Span ?? raw.VersionNode.Span;
                Report(DiagnosticDescriptors.StandardPowerNotInForce, raw.Source, span, id, version.Id);
            }
        }

        foreach (var power in version.Powers.Values)
        {
            bool own = raw.Powers.Contains(power);
            foreach (var clause in power.Clauses)
            {
                var clash = version.General.FirstOrDefault(g => g.Clause.Id == clause.Id && !g.Except.Contains(power.Id));
                if (clash is not null && (own || raw.General.Contains(clash)))
                {
                    Report(DiagnosticDescriptors.DuplicateClause, clause.Location.Source, clause.Location.Span, power.Id, clause.Id + "' (also a general clause of " + version.Id + ")");
                }
            }

            if (own)
            {
                CheckRequiresCycle(version, power);
            }
        }
    }

    private void CheckPreserve(RawVersion raw, Dictionary<string, RawVersion> byKey)
    {
        foreach (var p in raw.Preserve)
        {
            if (!byKey.TryGetValue(raw.Family + "@" + p.Version.Value, out var target))
            {
                if (ReportUnavailable(raw.Family, p.Version.Value, raw.Source, p.Version.Span))
                {
                    continue;
                }

                var candidates = byKey.Values.Where(u => u.Family == raw.Family).Select(u => u.Version);
                Report(DiagnosticDescriptors.UnknownVersion, raw.Source, p.Version.Span, raw.Family, p.Version.Value, DidYouMean.Suggest(p.Version.Value, candidates));
            }
            else if (target == raw || target.Preserve.Count > 0)
            {
                // One step only: preserved rules are read from a version that preserves nothing itself.
                Report(DiagnosticDescriptors.InvalidValue, raw.Source, p.Version.Span, p.Version.Value, "preserve version", "name an earlier version that has no 'preserve' of its own");
            }
        }
    }

    private void CheckRequiresCycle(RuleSetVersion version, PowerRule start)
    {
        var stack = new Stack<(string Id, int Depth)>();
        foreach (string r in start.Requires)
        {
            stack.Push((r, 1));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (stack.Count > 0)
        {
            var (id, depth) = stack.Pop();
            if (id == start.Id)
            {
                Report(DiagnosticDescriptors.InvalidRequires, start.Location.Source, start.Location.Span, start.Id, id, "the requires chain leads back to it");
                return;
            }

            if (!seen.Add(id) || depth > _powers.Count || !version.Powers.TryGetValue(id, out var next))
            {
                continue;
            }

            foreach (string r in next.Requires)
            {
                stack.Push((r, depth + 1));
            }
        }
    }

    private void CheckRanges(List<RuleSetVersion> versions, List<RawVersion> raws)
    {
        foreach (var family in versions.GroupBy(v => v.Family))
        {
            var inForce = family.Where(v => !v.Effective.Never).ToList();
            for (int i = 0; i < inForce.Count; i++)
            {
                for (int j = i + 1; j < inForce.Count; j++)
                {
                    var a = inForce[i];
                    var b = inForce[j];
                    if (a.Effective.Overlaps(b.Effective))
                    {
                        var raw = raws.First(r => r.Id == b.Id);
                        Report(DiagnosticDescriptors.OverlappingRanges, raw.Source, raw.EffectiveSpan, b.Id, EffectiveRange.Format(b.Effective.From), Until(b.Effective), a.Id, EffectiveRange.Format(a.Effective.From), Until(a.Effective));
                    }
                }

                if (i + 1 < inForce.Count && inForce[i].Effective.Until is { } until && until.AddDays(1) < inForce[i + 1].Effective.From && !FamilyIncomplete(family.Key))
                {
                    var raw = raws.First(r => r.Id == inForce[i + 1].Id);
                    Report(DiagnosticDescriptors.GapBetweenVersions, raw.Source, raw.EffectiveSpan, family.Key, EffectiveRange.Format(until.AddDays(1)), EffectiveRange.Format(inForce[i + 1].Effective.From.AddDays(-1)));
                }
            }
        }
    }

    private void CheckPowerCoverage(List<RuleSetVersion> versions)
    {
        foreach (var power in _powers)
        {
            if (versions.Count > 0 && !versions.Any(v => v.Powers.ContainsKey(power.Id)))
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PowerNeverInForce, null, power.Id));
            }
        }
    }

    private static string Until(EffectiveRange range) => range.Until is { } u ? EffectiveRange.Format(u) : "open";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
