using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Powers.Binding;
using Powers.Model;

namespace Powers.TestSupport;

/// <summary>
/// Query documents as a host receives them, with ad-hoc designations in every shape a record must keep: any force,
/// any powers, a made day or none (days around SI 2017/1139's 15 Dec 2017 line twice as often), restrictions or
/// none, facts absent, given as unknown (null) or with a value, and now and then a rule set named. Some are bad
/// input (a made day after the query's date, a restriction on a power not granted): a host answers those with
/// errors and records nothing, which the record properties allow.
/// </summary>
public static class RecordedQueries
{
    // Restrictions a chief officer might attach (PRA s.38(7)), over each kind of fact.
    private static readonly string[] Restrictions =
    [
        """{"id":"in-uniform","when":"inUniform","text":"Only in uniform."}""",
        """{"id":"calm","when":"not personMakingOff","text":"Only while the person stays.","powers":["require-name-and-address"]}""",
        """{"id":"short","when":"minutesDetained < 20","text":"At most 20 minutes.","cite":"Designation, para. 3","powers":["detain-pending-constable","reasonable-force-to-detain"]}""",
        """{"id":"vehicles","when":"searchOf == 'vehicle'","text":"Vehicles only.","powers":["stop-search-authorised-area"]}""",
        """{"id":"area","when":"inPoliceArea and inUniform","text":"In the force area, in uniform.","powers":["road-check","cordon"]}""",
    ];

    /// <summary>Between 1 and <paramref name="most"/> query documents.</summary>
    public static Gen<string[]> Batches(RuleLibrary library, int most) =>
        Gen.Choose(1, most).SelectMany(n => Gen.ArrayOf(One(library), n));

    /// <summary>One query document with an ad-hoc designation.</summary>
    public static Gen<string> One(RuleLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var forces = library.Forces.Select(f => f.Id).ToArray();
        var powers = library.Powers.Select(p => p.Id).ToArray();
        var versions = library.Versions.Select(v => v.Id).ToArray();
        var reform = new DateOnly(2017, 12, 15);
        var day = Gen.Choose(new DateOnly(2002, 6, 1).DayNumber, new DateOnly(2021, 12, 31).DayNumber).Select(DateOnly.FromDayNumber);
        var nearReform = Gen.Choose(-3, 2).Select(d => reform.AddDays(d));
        var made = Gen.Frequency((2, Gen.Constant((DateOnly?)null)), (2, day.Select(d => (DateOnly?)d)), (1, nearReform.Select(d => (DateOnly?)d)));
        var date = Gen.Frequency((3, day), (1, nearReform.Select(d => d.AddDays(30))));
        var ruleSet = Gen.Frequency((6, Gen.Constant((string?)null)), (1, Gen.Elements(versions).Select(v => (string?)v)));
        var restrictions = Gen.Frequency((2, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Restrictions).Select(r => r.ToArray())));
        var designation =
            from force in Gen.Elements(forces)
            from granted in Gen.SubListOf(powers)
            from m in made
            from r in restrictions
            select Designation(force, granted, m, r);
        return
            from d in date
            from rs in ruleSet
            from des in designation
            from facts in Facts(library)
            select Document(d, rs, des, facts);
    }

    private static Gen<string> Facts(RuleLibrary library)
    {
        var ints = LibraryConstants.IntCandidates(library);
        var gens = library.Schema.Facts.Select(fact =>
        {
            var value = fact.Kind switch
            {
                FactKind.Bool => Gen.Elements("true", "false"),
                FactKind.Enum => Gen.Elements(fact.Values.ToArray()).Select(v => "\"" + v + "\""),
                _ => Gen.Elements(ints[fact.Index]).Select(v => v.ToString(CultureInfo.InvariantCulture)),
            };
            return Gen.Frequency((4, Gen.Constant((string?)null)), (1, Gen.Constant((string?)"null")), (4, value.Select(v => (string?)v)))
                .Select(v => v is null ? null : "\"" + fact.Name + "\":" + v);
        }).ToArray();
        return Gen.CollectToArray(gens).Select(all => "{" + string.Join(",", all.Where(f => f is not null)) + "}");
    }

    private static string Designation(string force, IEnumerable<string> powers, DateOnly? made, string[] restrictions)
    {
        var text = new StringBuilder("{\"force\":\"").Append(force).Append("\",\"powers\":[");
        text.AppendJoin(",", powers.Select(p => "\"" + p + "\"")).Append(']');
        if (made is { } m)
        {
            text.Append(",\"made\":\"").Append(m.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('"');
        }

        if (restrictions.Length > 0)
        {
            text.Append(",\"restrictions\":[").AppendJoin(",", restrictions).Append(']');
        }

        return text.Append('}').ToString();
    }

    private static string Document(DateOnly date, string? ruleSet, string designation, string facts)
    {
        var text = new StringBuilder("{\"date\":\"").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('"');
        if (ruleSet is not null)
        {
            text.Append(",\"ruleset\":\"").Append(ruleSet).Append('"');
        }

        return text.Append(",\"designation\":").Append(designation).Append(",\"facts\":").Append(facts).Append('}').ToString();
    }
}
