namespace Powers.Model;

/// <summary>A police force that can designate CSOs.</summary>
/// <param name="Id">The kebab-case id, e.g. <c>metropolitan</c>.</param>
/// <param name="Name">The name.</param>
public sealed record Force(string Id, string Name);
