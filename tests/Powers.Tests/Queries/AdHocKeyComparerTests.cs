using Powers.Model;
using Powers.Queries;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Queries;

/// <summary>
/// The key of the resolver's shared ad-hoc designations: two keys are one designation only when force, powers and made
/// day are all the same, or one query would be decided with another's powers. A dictionary compares keys only when
/// their hashes collide, so the comparison is checked here directly.
/// </summary>
public class AdHocKeyComparerTests
{
    private static readonly Force Kent = ShippedLibrary.Instance.Forces.Single(f => f.Id == "kent");
    private static readonly Force OtherForce = ShippedLibrary.Instance.Forces.First(f => f.Id != "kent");

    // The same force compiled again: another instance with the same id.
    private static readonly Force KentAgain = Powers.Compilation.LibraryCompiler.CompileDirectory(RepositoryRules.Directory).ThrowIfFailed().Forces.Single(f => f.Id == "kent");

    public static TheoryData<string, bool> Parts => new() { { "powers", false }, { "made", false }, { "force", false }, { "force instance", true } };

    [Theory]
    [MemberData(nameof(Parts))]
    public void Equals_KeysDifferingInOnePart_EqualOnlyForTheSameForceById(string part, bool equal)
    {
        var key = (Kent, 0b101UL, 5000);
        var other = part switch
        {
            "powers" => (Kent, 0b100UL, 5000),
            "made" => (Kent, 0b101UL, 5001),
            "force" => (OtherForce, 0b101UL, 5000),
            _ => (KentAgain, 0b101UL, 5000),
        };

        Assert.NotSame(Kent, KentAgain);
        Assert.Equal(equal, AdHocKeyComparer.Instance.Equals(key, other));
        Assert.Equal(equal, AdHocKeyComparer.Instance.Equals(other, key));
    }

    [Fact]
    public void GetHashCode_SameForceById_SameHash() =>
        Assert.Equal(AdHocKeyComparer.Instance.GetHashCode((Kent, 3UL, int.MinValue)), AdHocKeyComparer.Instance.GetHashCode((KentAgain, 3UL, int.MinValue)));
}
