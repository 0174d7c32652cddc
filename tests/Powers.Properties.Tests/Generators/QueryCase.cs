using System.Globalization;
using System.Text;
using Powers.Binding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Properties.Tests.Generators;

/// <summary>
/// A generated query against a library: a date (the version in force) or an explicit version, a designation and a
/// situation. Prints as the query document, so a counterexample can be replayed with <c>powers query --input</c>.
/// </summary>
public sealed class QueryCase
{
    /// <summary>Creates a case.</summary>
    public QueryCase(RuleLibrary library, DateOnly? date, RuleSetVersion? explicitVersion, Designation designation, Situation situation)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        Date = date;
        ExplicitVersion = explicitVersion;
        Designation = designation;
        Situation = situation;
        Version = explicitVersion ?? (date is { } d && library.DefaultFamily is { } family ? library.VersionInForce(family, d) : null);
    }

    /// <summary>The library.</summary>
    public RuleLibrary Library { get; }

    /// <summary>The date, or null when a version is named.</summary>
    public DateOnly? Date { get; }

    /// <summary>The version named explicitly, or null when selected by date.</summary>
    public RuleSetVersion? ExplicitVersion { get; }

    /// <summary>The version applied (null when none is in force on the date).</summary>
    public RuleSetVersion? Version { get; }

    /// <summary>The designation.</summary>
    public Designation Designation { get; }

    /// <summary>The facts.</summary>
    public Situation Situation { get; }

    /// <summary>The plan.</summary>
    public DecisionPlan Plan() => PlanBuilder.Build(Library, Version, Designation, Date);

    /// <summary>The same query with other facts.</summary>
    public QueryCase With(Situation situation) => new(Library, Date, ExplicitVersion, Designation, situation);

    /// <summary>The same query with another designation.</summary>
    public QueryCase With(Designation designation) => new(Library, Date, ExplicitVersion, designation, Situation);

    /// <summary>The query document.</summary>
    public override string ToString()
    {
        var b = new StringBuilder("{ ");
        if (Date is { } date)
        {
            b.Append("\"date\": \"").Append(EffectiveRange.Format(date)).Append("\", ");
        }

        if (ExplicitVersion is { } version)
        {
            b.Append("\"ruleset\": \"").Append(version.Id).Append("\", ");
        }

        b.Append("\"designation\": ");
        if (Designation.Id is { } id)
        {
            b.Append('"').Append(id).Append('"');
        }
        else
        {
            b.Append("{ \"force\": \"").Append(Designation.Force).Append("\", \"powers\": [")
                .Append(string.Join(", ", Library.Powers.Where(p => Designation.Powers.Contains(p.Id)).Select(p => "\"" + p.Id + "\"")))
                .Append(']');
            if (Designation.Made is { } made)
            {
                b.Append(", \"made\": \"").Append(EffectiveRange.Format(made)).Append('"');
            }

            b.Append(" }");
        }

        b.Append(", \"facts\": ").Append(FactsJson(Situation)).Append(" }");
        return b.ToString();
    }

    /// <summary>The known facts as a JSON object.</summary>
    public static string FactsJson(Situation situation)
    {
        ArgumentNullException.ThrowIfNull(situation);
        var parts = new List<string>();
        foreach (var fact in situation.Schema.Facts)
        {
            if (situation.IsKnown(fact.Index))
            {
                int v = situation.ValueAt(fact.Index);
                string value = fact.Kind switch
                {
                    FactKind.Enum => "\"" + fact.FormatValue(v) + "\"",
                    FactKind.Int => v.ToString(CultureInfo.InvariantCulture),
                    _ => fact.FormatValue(v),
                };
                parts.Add("\"" + fact.Name + "\": " + value);
            }
        }

        return "{ " + string.Join(", ", parts) + " }";
    }
}
