namespace Powers.Workbench.Tests;

/// <summary>
/// A test in a real browser (Debian's Chromium): skipped, with the reason, where /usr/bin/chromium is absent, except
/// when POWERS_REQUIRE_BROWSER=1 (CI sets it), where a missing browser fails the test instead of skipping it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath) && Environment.GetEnvironmentVariable("POWERS_REQUIRE_BROWSER") != "1")
        {
            Skip = "Chromium is not installed (" + Browser.ChromiumPath + "); .ci/run installs the Debian package chromium and sets POWERS_REQUIRE_BROWSER=1, so these tests run in CI";
        }
    }
}
