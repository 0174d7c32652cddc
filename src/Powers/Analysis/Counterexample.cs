using System.Text;
using Powers.Model;
using Powers.Text;

namespace Powers.Analysis;

/// <summary>A situation that breaks an assertion: a complete query document and the outcome it gets.</summary>
/// <param name="Version">The version of the law, or null when none is in force on the date.</param>
/// <param name="Designation">The designation (stored, or ad-hoc).</param>
/// <param name="Date">The date queried.</param>
/// <param name="Facts">The known facts; every other fact is unknown.</param>
/// <param name="Power">The power whose outcome breaks the assertion.</param>
/// <param name="Outcome">That outcome.</param>
internal sealed record Counterexample(RuleSetVersion? Version, Designation Designation, DateOnly? Date, IReadOnlyList<FactValue> Facts, string Power, Outcome Outcome)
{
    /// <summary>The query document (one line of JSON) that <c>powers query</c> decides against the assertion.</summary>
    public string QueryJson
    {
        get
        {
            var b = new StringBuilder("{ ");
            if (Version is not null)
            {
                b.Append("\"ruleset\": ").Append(JsonText.Quote(Version.Id)).Append(", ");
            }

            if (Date is { } date)
            {
                b.Append("\"date\": ").Append(JsonText.Quote(EffectiveRange.Format(date))).Append(", ");
            }

            b.Append("\"designation\": ");
            if (Designation.Id is { } id)
            {
                b.Append(JsonText.Quote(id));
            }
            else
            {
                b.Append("{ \"force\": ").Append(JsonText.Quote(Designation.Force)).Append(", \"powers\": [")
                    .AppendJoin(", ", Designation.Powers.Order(StringComparer.Ordinal).Select(p => JsonText.Quote(p))).Append("] }");
            }

            b.Append(", \"facts\": {");
            for (int i = 0; i < Facts.Count; i++)
            {
                b.Append(i == 0 ? " " : ", ").Append(JsonText.Quote(Facts[i].Fact.Name)).Append(": ").Append(Facts[i].JsonText);
            }

            return b.Append(Facts.Count > 0 ? " } }" : "} }").ToString();
        }
    }
}
