namespace Powers.Model;

/// <summary>A power of the catalogue (powers.json): a stable id, a title and its place in every decision.</summary>
/// <param name="Id">The power id, e.g. <c>detain-pending-constable</c>.</param>
/// <param name="Title">A short title.</param>
/// <param name="Index">The position in the catalogue and in every decision.</param>
public sealed record PowerDefinition(string Id, string Title, int Index);
