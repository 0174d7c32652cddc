using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Model;

/// <summary>A legal team's golden case: a query, the expected outcomes and the citation that justifies them.</summary>
internal sealed class GoldenCase
{
    internal GoldenCase(string name, string? cite, JsonObject query, IReadOnlyDictionary<string, string> expect, IReadOnlyDictionary<string, IReadOnlyList<string>> missing, Location location)
    {
        Name = name;
        Cite = cite;
        Query = query;
        Expect = expect;
        Missing = missing;
        Location = location;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The citation justifying the expectation.</summary>
    public string? Cite { get; }

    /// <summary>The query document, as written.</summary>
    internal JsonObject Query { get; }

    /// <summary>Expected outcome (kebab-case) per power id.</summary>
    public IReadOnlyDictionary<string, string> Expect { get; }

    /// <summary>Expected missing facts per power id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Missing { get; }

    /// <summary>Where it is written.</summary>
    public Location Location { get; }
}
