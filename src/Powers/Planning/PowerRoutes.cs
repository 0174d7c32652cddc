using Powers.Model;

namespace Powers.Planning;

/// <summary>
/// For one version, designation and date: the route of every power (<see cref="PowerRoute"/>) and whether it is
/// conferred on the CSO, which is also what <c>granted('...')</c> answers. Built once per plan; not thread-safe.
/// </summary>
internal sealed class PowerRoutes
{
    private readonly RuleLibrary _library;
    private readonly RuleSetVersion _version;
    private readonly Designation _designation;
    private readonly DateOnly? _made;
    private readonly DateOnly? _date;
    private readonly bool _designationActive;
    private readonly PowerRoute?[] _routes;
    private readonly bool?[] _conferred;
    private readonly Func<string, bool> _granted;

    public PowerRoutes(RuleLibrary library, RuleSetVersion version, Designation designation, DateOnly? date)
    {
        _library = library;
        _version = version;
        _designation = designation;
        // A designation that does not say when it was made is taken as made on the query's date; with no date, as
        // made when the version came into force (so no transitional rule of that version applies to it).
        _made = designation.MadeFor(date) ?? (version.Effective.Never ? null : version.Effective.From);
        _date = date;
        _designationActive = designation.InForceOn(date);
        _routes = new PowerRoute?[library.Powers.Count];
        _conferred = new bool?[library.Powers.Count];
        _granted = Answer;
    }

    // granted('x'): x is conferred on this CSO. designated('x'): conferred, and by the designation itself, not only as
    // a standard power (a provision applying only where "a designation applies" a paragraph the order never applied).
    private bool Answer(string key)
    {
        bool own = key.StartsWith(Binding.BoundGranted.OwnPrefix, StringComparison.Ordinal);
        string id = own ? key[Binding.BoundGranted.OwnPrefix.Length..] : key;
        // "is int i and >= 0", one pattern: as "is int i && i >= 0" the && had an || twin no test could tell apart
        // (IsConferred refuses -1 too).
        return _library.IndexOfPower(id) is int i and >= 0 && IsConferred(i) && (!own || _designation.Powers.Contains(id));
    }

    public PowerRoute RouteOf(int index) => _routes[index] ??= Route(_library.Powers[index].Id);

    /// <summary>The clause with every <c>granted('...')</c> answered for this CSO.</summary>
    public Clause Specialize(Clause clause) => clause.Specialize(_granted);

    public bool IsConferred(int index) => IsConferred(index, 0);

    /// <summary>
    /// The readings a not-designated outcome rests on: the designation's, and an open transitional question, about
    /// the power itself or about a power it requires (e.g. detention kept by SI 2017/1139 reg. 4 without the
    /// name-and-address power the CSO held only as a standard power).
    /// </summary>
    public IReadOnlyList<UncertainReading> NotConferredUncertainty(int index)
    {
        var readings = new List<UncertainReading>(DesignationUncertainty());
        if (StandardQuestion(_library.Powers[index].Id) is { } open)
        {
            readings.Add(open);
        }

        var route = RouteOf(index);
        if (_designationActive && route.Rule is { } rule)
        {
            foreach (string required in rule.Requires)
            {
                if (!RequirementMet(route, _library.IndexOfPower(required), 1) && StandardQuestion(required) is { } question && !readings.Contains(question))
                {
                    readings.Add(question);
                }
            }
        }

        return readings;
    }

    /// <summary>
    /// For a power this CSO does not hold only because a transitional rule keeps no standard powers (an open
    /// question), that question; otherwise null. A clause that reads <c>granted('...')</c> of such a power rests on
    /// it whenever the clause fails or is unknown.
    /// </summary>
    public UncertainReading? OpenQuestion(string powerId) =>
        _library.IndexOfPower(powerId) is int i and >= 0 && !IsConferred(i) ? StandardQuestion(powerId) : null;

    public IReadOnlyList<UncertainReading> DesignationUncertainty() =>
        _designation.Confidence == Confidence.Low
            ? [new UncertainReading(_designation.Source ?? _designation.Title, _designation.Note ?? "The designation is a reconstruction.")]
            : [];

    public string NotConferredReason(int index)
    {
        var route = RouteOf(index);
        var rule = route.Rule!;
        string who = _designation.Id is null ? "the designation" : "designation '" + _designation.Id + "'";
        if (!_designationActive && _date is { } date && _designation.MadeAfter(date))
        {
            // No day in the text: plans are shared by ad-hoc designations whose made days differ (PlanKey), and the
            // decision states its own designation's made day.
            return who + " is made after that date, so it confers nothing, standard powers included: they belong only to a designated CSO (PRA s.38(5)).";
        }

        if (!_designationActive)
        {
            return who + " is not in force on that date (" + _designation.Effective + "), so it confers nothing, standard powers included: they belong only to a designated CSO.";
        }

        bool granted = _designation.Powers.Contains(rule.Id) || (route.Preserved is null && _version.Standard.Contains(rule.Id));
        if (granted)
        {
            var missing = rule.Requires.Where(r => !RequirementMet(route, _library.IndexOfPower(r), 1));
            string kept = route.Preserved is null ? string.Empty : " (the transitional rule " + route.Preserved.Cite + " keeps only powers the designation itself grants)";
            return "Conferred only together with " + string.Join(", ", missing) + ", which this CSO does not have" + kept + " (" + rule.Cite + ").";
        }

        return "Not conferred by " + who + ", and not a standard power in " + _version.Id + ".";
    }

    private PowerRoute Route(string powerId)
    {
        var route = ChooseRoute(powerId);
        return StandardQuestion(powerId) is { } open ? route with { Uncertain = [.. route.Uncertain, open] } : route;
    }

    // A power that was standard under a preserved version and that the designation does not grant itself: whether
    // the standard powers survived the transition is the open question a preserve entry's standardNote states.
    private UncertainReading? StandardQuestion(string powerId)
    {
        if (_made is not { } made || _designation.Powers.Contains(powerId))
        {
            return null;
        }

        foreach (var preservation in _version.Preserved)
        {
            if (preservation.StandardNote is { } note && made < preservation.MadeBefore
                && Find(preservation.VersionId) is { } kept && kept.Standard.Contains(powerId))
            {
                return new UncertainReading(preservation.Cite, note);
            }
        }

        return null;
    }

    private PowerRoute ChooseRoute(string powerId)
    {
        if (_made is { } made && _designation.Powers.Contains(powerId))
        {
            foreach (var preservation in _version.Preserved)
            {
                if (made < preservation.MadeBefore && preservation.Ceased.TryGetValue(powerId, out var ceased))
                {
                    // The transitional rule itself settles it (e.g. SI 2017/1139 reg. 5 with Sch. 3B): not the
                    // version's removal, whose doubts concern designations made under the new scheme.
                    var settled = new List<UncertainReading>();
                    AddIfLow(settled, preservation.Confidence, preservation.Cite, preservation.Note);
                    AddIfLow(settled, ceased.Confidence, ceased.Cite, ceased.Note);
                    string why = (ceased.Text.Length > 0 ? ceased.Text + " " : string.Empty) + "(" + ceased.Cite + ")";
                    return new PowerRoute(_version, null, false, why, preservation, settled);
                }

                if (!preservation.Preserves(powerId, made) || Find(preservation.VersionId) is not { } kept)
                {
                    continue;
                }

                if (InForce(kept, powerId, out var keptRule, out _, out _))
                {
                    var uncertain = new List<UncertainReading>();
                    AddIfLow(uncertain, preservation.Confidence, preservation.Cite, preservation.Note);
                    AddIfLow(uncertain, keptRule!.Confidence, keptRule.Cite, keptRule.Note);
                    return new PowerRoute(kept, keptRule, true, null, preservation, uncertain);
                }
            }
        }

        var readings = new List<UncertainReading>();
        if (InForce(_version, powerId, out var rule, out string? reason, out var because))
        {
            AddIfLow(readings, rule!.Confidence, rule.Cite, rule.Note);
            return new PowerRoute(_version, rule, true, null, null, readings);
        }

        if (rule is not null)
        {
            // In force, but not for this force (a pilot, or one nation's commencement): as certain as the file's
            // reason for other forces where it gives one, otherwise as the power's own entry.
            if (because is { } other)
            {
                AddIfLow(readings, other.Confidence, other.Cite.Length > 0 ? other.Cite : rule.Cite, other.Note);
                if (other.Text.Length > 0)
                {
                    reason = other.Text + (other.Cite.Length > 0 ? " (" + other.Cite + ")" : string.Empty) + " " + reason;
                }
            }
            else
            {
                AddIfLow(readings, rule.Confidence, rule.Cite, rule.Note);
            }
        }
        else if (_version.Removals.TryGetValue(powerId, out var removal))
        {
            AddIfLow(readings, removal.Confidence, removal.Cite.Length > 0 ? removal.Cite : _version.Id, removal.Note);
            if (removal.Text.Length > 0)
            {
                reason = removal.Text + (removal.Cite.Length > 0 ? " (" + removal.Cite + ")" : string.Empty);
            }
        }

        return new PowerRoute(_version, rule, false, reason, null, readings);
    }

    private bool IsConferred(int index, int depth)
    {
        // Stryker disable once Logical : index is never negative here (Answer and the compiler see to it), and depth never exceeds the powers: a power in progress answers false from _conferred, so none is on the stack twice
        if (index < 0 || depth > _conferred.Length)
        {
            return false;
        }

        if (_conferred[index] is { } known)
        {
            return known;
        }

        _conferred[index] = false; // a requires cycle is rejected by the compiler; this guard keeps recursion finite regardless
        var route = RouteOf(index);
        string id = _library.Powers[index].Id;
        // Standard powers belong to every CSO, and a person is a CSO only while a designation is in force. A
        // preserved power is kept only because the designation itself conferred it.
        bool result = _designationActive && route.InForce
            && (_designation.Powers.Contains(id) || (route.Preserved is null && _version.Standard.Contains(id)));
        if (result)
        {
            foreach (string required in route.Rule!.Requires)
            {
                // Stryker disable once Arithmetic : depth only feeds the guard above, which never fires (see there)
                if (!RequirementMet(route, _library.IndexOfPower(required), depth + 1))
                {
                    result = false;
                    // Stryker disable once Statement : the rest only caches answers that are the same either way (every power in progress ends false, as this one does)
                    break;
                }
            }
        }

        _conferred[index] = result;
        return result;
    }

    // A preserved power's requirement is met only by a power that is preserved too: the old rules go together.
    private bool RequirementMet(PowerRoute route, int required, int depth) =>
        IsConferred(required, depth) && (route.Preserved is null || RouteOf(required).Preserved is not null);

    private RuleSetVersion? Find(string versionId)
    {
        int at = versionId.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? null : _library.FindVersion(versionId[..at], versionId[(at + 1)..]);
    }

    // Whether the version confers the power on this designation's force; if it has the power but not for this force,
    // `because` is what the file says about other forces (the power's otherForces, or a version-wide exclusion).
    private bool InForce(RuleSetVersion version, string powerId, out PowerRule? rule, out string? reason, out PowerRemoval? because)
    {
        because = null;
        if (!version.Powers.TryGetValue(powerId, out rule))
        {
            reason = version.Id + " does not confer this power on CSOs.";
            return false;
        }

        foreach (var exclusion in version.ForceExclusions)
        {
            if (exclusion.Forces.Contains(_designation.Force))
            {
                reason = version.Id + " confers no power on CSOs of '" + _designation.Force + "'.";
                because = new PowerRemoval(powerId, exclusion.Cite, exclusion.Text, exclusion.Confidence, exclusion.Note, exclusion.Location);
                return false;
            }
        }

        if (rule.Forces is { } forces && !forces.Contains(_designation.Force))
        {
            reason = version.Id + " brings this power into force only for the forces " + string.Join(", ", forces.Order(StringComparer.Ordinal)) + ", not for '" + _designation.Force + "'.";
            because = rule.OtherForces;
            return false;
        }

        if (rule.Nations is { } nations && !(_library.TryGetForce(_designation.Force, out var force) && force.WhollyWithin(nations)))
        {
            string of = _library.TryGetForce(_designation.Force, out var known) && known.Nations.Count > 0 ? " (" + string.Join(", ", known.Nations) + ")" : " (nation not known)";
            reason = version.Id + " brings this power into force only in " + string.Join(", ", nations.Order(StringComparer.Ordinal)) + ", not for '" + _designation.Force + "'" + of + ".";
            because = rule.OtherForces;
            return false;
        }

        reason = null;
        return true;
    }

    /// <summary>Whether a clause binds this designation's force (a clause may be limited to some nations).</summary>
    public bool Binds(Clause clause) =>
        clause.Nations is not { } nations || !_library.TryGetForce(_designation.Force, out var force) || force.Touches(nations);

    private static void AddIfLow(List<UncertainReading> readings, Confidence confidence, string cite, string? note)
    {
        if (confidence == Confidence.Low)
        {
            readings.Add(new UncertainReading(cite, note ?? "Marked low confidence without a note."));
        }
    }
}
