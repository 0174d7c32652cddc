namespace Powers.Packaging.Tests;

/// <summary>
/// How long a packaging step may take before it counts as hung. These catch a hang, never slowness: packing builds
/// every src project, and on the shared 2-core machine at load 25-30 (engineers building beside a CI run) a pack took
/// over 8 minutes and failed a CI run at the old limit (8 min), as did the steps after it. The CI's own
/// <c>--blame-hang-timeout</c> in <c>.ci/run</c> is longer than the longest test made of these steps.
/// </summary>
internal static class PackagingTimeouts
{
    public static readonly TimeSpan Pack = TimeSpan.FromMinutes(25);

    public static readonly TimeSpan Step = TimeSpan.FromMinutes(12);
}
