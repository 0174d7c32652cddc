using Powers.Text;

namespace Powers.Model;

/// <summary>
/// Forces for which no power of a version is in force, whatever the power's own entry says: e.g. British Transport
/// Police before Sch. 4 was applied to it (1 Jul 2004). Inherited by later versions until one restates the list.
/// </summary>
/// <param name="Forces">The forces excluded.</param>
/// <param name="Cite">The provision (or want of one) it rests on.</param>
/// <param name="Text">Why, in plain words; the reason of each such not-in-force decision.</param>
/// <param name="Confidence">How well it is supported; it bears only on those forces' decisions.</param>
/// <param name="Note">What is uncertain and what would settle it.</param>
/// <param name="Location">Where it is written.</param>
internal sealed record ForceExclusion(IReadOnlySet<string> Forces, string Cite, string Text, Confidence Confidence, string? Note, Location Location);
