using FsCheck.Xunit;
using Powers.Properties.Tests.Generators;

namespace Powers.Properties.Tests.Support;

/// <summary>
/// An FsCheck property with this suite's generators, run <see cref="PropertyIterations.For"/> times. FsCheck prints
/// the seed of a failure, e.g. <c>(1234,5678)</c>; replay it with <c>POWERS_PROPERTY_REPLAY="(1234,5678)"</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PowersPropertyAttribute : PropertyAttribute
{
    /// <summary>A property at a weight (percent of the base number of cases).</summary>
    public PowersPropertyAttribute(int weightPercent = 100)
    {
        WeightPercent = weightPercent;
        MaxTest = PropertyIterations.For(weightPercent);
        Arbitrary = [typeof(PowersArbitraries)];
        if (PropertyIterations.Replay is { } replay)
        {
            Replay = replay;
        }
    }

    /// <summary>The weight in percent of the base number of cases.</summary>
    public int WeightPercent { get; }
}
