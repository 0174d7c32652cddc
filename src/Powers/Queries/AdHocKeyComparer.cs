using Powers.Model;

namespace Powers.Queries;

/// <summary>
/// Compares the keys of <see cref="QueryResolver"/>'s ad-hoc designations. Forces here are the library's own
/// instances, so a reference check settles almost every comparison, then the id (unique in a library); the hash takes
/// the id's length and three of its characters, cheaper than the tuple's default comparer on every lookup.
/// </summary>
internal sealed class AdHocKeyComparer : IEqualityComparer<(Force Force, ulong Powers, int Made)>
{
    /// <summary>The one instance.</summary>
    public static readonly AdHocKeyComparer Instance = new();

    private AdHocKeyComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals((Force Force, ulong Powers, int Made) x, (Force Force, ulong Powers, int Made) y) =>
        x.Powers == y.Powers && x.Made == y.Made && (ReferenceEquals(x.Force, y.Force) || string.Equals(x.Force.Id, y.Force.Id, StringComparison.Ordinal));

    /// <inheritdoc />
    public int GetHashCode((Force Force, ulong Powers, int Made) obj)
    {
        string id = obj.Force.Id;
        int force = id.Length == 0 ? 0 : (id.Length * 31) ^ (id[0] * 7) ^ (id[^1] * 13) ^ (id[id.Length / 2] * 17);
        return HashCode.Combine(force, obj.Powers, obj.Made);
    }
}
