using Powers.Text;

namespace Powers.Model;

/// <summary>Why a version of the law does not confer a power on CSOs: a repeal, an exclusion, or a power never commenced.</summary>
/// <param name="PowerId">The power.</param>
/// <param name="Cite">The provision that removed it, or empty when the file does not say.</param>
/// <param name="Text">What happened, in plain words, or empty.</param>
/// <param name="Confidence">How well the removal is supported.</param>
/// <param name="Note">What is uncertain and what would settle it.</param>
/// <param name="Location">Where it is written.</param>
internal sealed record PowerRemoval(string PowerId, string Cite, string Text, Confidence Confidence, string? Note, Location Location);
