namespace Powers.Model;

/// <summary>The days a version or designation is in force: from and until both inclusive; open when until is null; never when <see cref="Never"/>.</summary>
/// <param name="From">The first day.</param>
/// <param name="Until">The last day, or null for open-ended.</param>
/// <param name="Never">True for a version never in force (a Bill).</param>
public readonly record struct EffectiveRange(DateOnly From, DateOnly? Until, bool Never = false)
{
    /// <summary>A range with no bounds.</summary>
    public static EffectiveRange Always => new(DateOnly.MinValue, null);

    /// <summary>Whether the date lies in the range.</summary>
    public bool Contains(DateOnly date) => !Never && date >= From && (Until is null || date <= Until.Value);

    /// <summary>Whether two ranges share a day.</summary>
    public bool Overlaps(EffectiveRange other) =>
        !Never && !other.Never && (Until is null || other.From <= Until.Value) && (other.Until is null || From <= other.Until.Value);

    /// <inheritdoc />
    public override string ToString() => Never ? "never in force" : Format(From) + " to " + (Until is null ? "open" : Format(Until.Value));

    /// <summary>ISO format.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
