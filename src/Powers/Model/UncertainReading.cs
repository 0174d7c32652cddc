namespace Powers.Model;

/// <summary>A low-confidence reading of the law that an outcome rests on: where it is from, and what would settle it.</summary>
/// <param name="Cite">The provision or source relied on.</param>
/// <param name="Note">What is uncertain and what would settle it.</param>
public sealed record UncertainReading(string Cite, string Note);
