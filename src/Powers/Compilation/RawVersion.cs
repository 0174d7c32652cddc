using Powers.Model;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <summary>A rule set file as written, before <c>extends</c> is resolved.</summary>
internal sealed class RawVersion
{
    public required SourceText Source { get; init; }

    public required string Family { get; init; }

    public required JsonString VersionNode { get; init; }

    public string Version => VersionNode.Value;

    public required int Revision { get; init; }

    public required string Title { get; init; }

    public required EffectiveRange Effective { get; init; }

    public required TextSpan EffectiveSpan { get; init; }

    public JsonString? Extends { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public required IReadOnlyList<string> Changes { get; init; }

    public required IReadOnlyList<GeneralClause> General { get; init; }

    public IReadOnlyList<JsonString>? Standard { get; init; }

    public required IReadOnlyList<PowerRule> Powers { get; init; }

    public required IReadOnlyList<(JsonString Id, PowerRemoval? Detail)> RemovePowers { get; init; }

    public required IReadOnlyList<RawPreservation> Preserve { get; init; }

    public required IReadOnlyList<JsonString> RemoveGeneral { get; init; }

    /// <summary>The <c>notInForceFor</c> list as written, or null when absent (then inherited).</summary>
    public IReadOnlyList<ForceExclusion>? ForceExclusions { get; init; }

    public Location Location => new(Source, new TextSpan(0, 0));

    public string Id => Family + "@" + Version;
}
