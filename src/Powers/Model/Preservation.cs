using Powers.Text;

namespace Powers.Model;

/// <summary>
/// A transitional rule: for a designation made before <see cref="MadeBefore"/>, the listed powers it grants itself
/// keep the rules of an earlier version (e.g. SI 2017/1139 reg. 4: designations made before 15 Dec 2017 "remain in
/// force until they are amended or revoked").
/// </summary>
/// <param name="Id">An id, unique within the version.</param>
/// <param name="MadeBefore">Designations made before this day are preserved.</param>
/// <param name="VersionId">The version (<c>ID@VERSION</c>) whose rules the preserved powers keep.</param>
/// <param name="Powers">The powers preserved.</param>
/// <param name="Cite">The provision.</param>
/// <param name="Text">What it does, in plain words.</param>
/// <param name="Confidence">How well it is supported.</param>
/// <param name="Note">What is uncertain and what would settle it.</param>
/// <param name="Location">Where it is written.</param>
internal sealed record Preservation(string Id, DateOnly MadeBefore, string VersionId, IReadOnlySet<string> Powers, string Cite, string Text, Confidence Confidence, string? Note, Location Location)
{
    /// <summary>
    /// When set, whether the earlier version's standard powers survived for such a designation is an open question:
    /// they are not kept (the reading that permits less), and every outcome for a power that was standard then and
    /// that the designation does not grant itself is reported low, with this note.
    /// </summary>
    public string? StandardNote { get; init; }

    /// <summary>
    /// Powers that such a designation granted and that cease (SI 2017/1139 reg. 5: "with the effect that those powers
    /// cease to be conferred"), with the reason: decided not-in-force on this rule, not on the version's own removal.
    /// </summary>
    internal IReadOnlyDictionary<string, PowerRemoval> Ceased { get; init; } = new Dictionary<string, PowerRemoval>();

    /// <summary>Whether it preserves a power of a designation made on a day.</summary>
    public bool Preserves(string powerId, DateOnly made) => made < MadeBefore && Powers.Contains(powerId);
}
