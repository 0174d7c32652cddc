using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Commands;

/// <summary>
/// An output format of <c>powers query</c> (and of the decisions <c>powers replay</c> shows): its name, whether it is
/// for a person, the level of detail it always writes, and its two writers, of one decision as a document and of one
/// NDJSON answer line. The formats are listed once, in <see cref="QueryFormats"/>.
/// </summary>
/// <param name="Name">The <c>--format</c> value.</param>
/// <param name="ForPeople">
/// For a person: the library's name goes to standard output, it writes the whole decision only (no <c>--detail</c>)
/// and one decision only (NDJSON is refused, or answered in JSON lines when the format was not asked for by name).
/// </param>
/// <param name="Detail">The level it always writes (outcomes); null where <c>--detail</c> chooses.</param>
/// <param name="WriteDocument">Writes one decision: output, decision, level, the only power to show (or null), verbose.</param>
/// <param name="WriteLine">Writes one NDJSON answer line for a plan decided into its entry; null for a format for people.</param>
internal sealed record QueryFormat(
    string Name,
    bool ForPeople,
    DecisionDetail? Detail,
    Action<TextWriter, Decision, DecisionDetail, string?, bool> WriteDocument,
    Action<TextWriter, PlanEntry, NdjsonAnswer>? WriteLine);
