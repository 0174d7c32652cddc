using Powers.Model;

namespace Powers.Queries;

/// <summary>
/// Compares the keys of <see cref="QueryResolver"/>'s ad-hoc designations. <see cref="Force"/> is a record, so the
/// tuple's default comparer hashes its type and both strings on every lookup, a good part of reading an ad-hoc
/// query; forces here are the library's own instances, so a reference check settles almost every comparison and the
/// hash takes the id's length and two of its characters (consistent with record equality: equal forces share an id).
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
        x.Powers == y.Powers && x.Made == y.Made && (ReferenceEquals(x.Force, y.Force) || x.Force.Equals(y.Force));

    /// <inheritdoc />
    public int GetHashCode((Force Force, ulong Powers, int Made) obj)
    {
        string id = obj.Force.Id;
        int force = id.Length == 0 ? 0 : (id.Length * 31) ^ (id[0] * 7) ^ (id[^1] * 13) ^ (id[id.Length / 2] * 17);
        return HashCode.Combine(force, obj.Powers, obj.Made);
    }
}
