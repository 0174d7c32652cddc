using System.Globalization;
using System.Text;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>Varied, valid query documents from a fixed seed: several versions of the law, a designation of the library and an ad-hoc one, facts known and unknown.</summary>
public static class Queries
{
    private static readonly string[] Dates = ["2003-06-01", "2005-03-01", "2009-09-01", "2013-03-01", "2016-05-01"];
    private static readonly string[] Bools = ["inUniform", "inPoliceArea", "constableInCompany", "riskToLifeOrLimb", "roadCheckAuthorised", "inCordonedArea", "authorisationConfirmed", "personMakingOff"];

    public static string[] Make(int count, int seed)
    {
        var random = new Random(seed);
        var queries = new string[count];
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            text.Append("{\"date\":\"").Append(Dates[random.Next(Dates.Length)]).Append("\",\"designation\":");
            text.Append(random.Next(4) == 0 ? "{\"force\":\"kent\",\"powers\":[\"road-check\",\"cordon\"]}" : "\"met-2002-security\"");
            text.Append(",\"facts\":{");
            string separator = string.Empty;
            foreach (string fact in Bools)
            {
                if (random.Next(3) > 0)
                {
                    text.Append(separator).Append('"').Append(fact).Append("\":").Append(random.Next(2) == 0 ? "true" : "false");
                    separator = ",";
                }
            }

            if (random.Next(2) == 0)
            {
                text.Append(separator).Append("\"cordonAgeDays\":").Append(random.Next(40).ToString(CultureInfo.InvariantCulture));
                separator = ",";
            }

            if (random.Next(2) == 0)
            {
                text.Append(separator).Append("\"searchOf\":\"").Append(random.Next(2) == 0 ? "vehicle" : "person").Append('"');
            }

            text.Append("}}");
            queries[i] = text.ToString();
        }

        return queries;
    }
}
