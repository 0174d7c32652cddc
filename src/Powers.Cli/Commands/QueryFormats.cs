using Powers.Cli.Output;
using Powers.Decisions;
using Powers.Text;

namespace Powers.Cli.Commands;

/// <summary>
/// Every output format of <c>powers query</c>, in the order <c>--help</c> lists them; a new format is one
/// <see cref="QueryFormat"/> added to <see cref="All"/>, its writers beside it (docs/extending.md). The command takes
/// the list it is built with, so a test can build the tool with <see cref="All"/> and a format of its own.
/// </summary>
internal static class QueryFormats
{
    /// <summary>The answer for a person (<see cref="DecisionTextWriter"/>).</summary>
    public static readonly QueryFormat Text = new("text", ForPeople: true, Detail: null,
        (output, decision, _, onlyPower, verbose) => DecisionTextWriter.Write(output, decision, onlyPower, verbose), WriteLine: null);

    /// <summary>The decision document at the level <c>--detail</c> chooses (docs/contract.md).</summary>
    public static readonly QueryFormat Json = new("json", ForPeople: false, Detail: null,
        (output, decision, detail, onlyPower, _) => CliJson.WriteDocument(output, JsonOutputEncoder.Minimal, w => DecisionJsonWriter.Write(w, decision, detail, CliBudget.Explanation, onlyPower, default)),
        NdjsonQueries.WriteDecisionLine);

    /// <summary><c>{"power-id": "outcome"}</c>: the outcomes level, also what <c>--format json --detail outcomes</c> writes.</summary>
    public static readonly QueryFormat Outcomes = new("outcomes", ForPeople: false, DecisionDetail.Outcomes,
        (output, decision, _, onlyPower, _) => CliJson.WriteDocument(output, JsonOutputEncoder.Minimal, w => DecisionJsonWriter.WriteOutcomes(w, decision, onlyPower)),
        NdjsonQueries.WriteOutcomesLine);

    /// <summary>The formats, the default (text) first.</summary>
    public static readonly IReadOnlyList<QueryFormat> All = [Text, Json, Outcomes];

    /// <summary>The names, for <c>--format</c>.</summary>
    public static string[] Names => [.. All.Select(f => f.Name)];

    /// <summary>The format named (the option accepts only these names).</summary>
    public static QueryFormat Named(string name) => All.Single(f => f.Name == name);

    /// <summary>
    /// What a format writes at a level, among <paramref name="formats"/> (<see cref="All"/> unless a test gives the
    /// list with one of its own): a format whose level <c>--detail</c> chooses becomes the first format of that level
    /// where one exists (<c>--format json --detail outcomes</c> is <c>--format outcomes</c>).
    /// </summary>
    public static QueryFormat AtLevel(IReadOnlyList<QueryFormat> formats, QueryFormat format, DecisionDetail level) =>
        format.ForPeople || format.Detail is not null ? format : formats.FirstOrDefault(f => f.Detail == level) ?? format;
}
