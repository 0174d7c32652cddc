using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <summary>A designation file as written, before includes are resolved.</summary>
internal sealed class RawDesignation
{
    public required SourceText Source { get; init; }

    public required JsonString IdNode { get; init; }

    public string Id => IdNode.Value;

    public required string Title { get; init; }

    public required string Force { get; init; }

    public required EffectiveRange Effective { get; init; }

    public string? SourceText { get; init; }

    public required IReadOnlyList<JsonString> Includes { get; init; }

    public required IReadOnlyList<JsonString> Powers { get; init; }

    public required IReadOnlyList<Restriction> Restrictions { get; init; }

    public string? Note { get; init; }

    public Confidence Confidence { get; init; }

    public DateOnly? Made { get; init; }
}
