using Microsoft.Playwright;

namespace Powers.Workbench.Tests;

/// <summary>
/// One headless Chromium for the browser tests (Debian's, launched by path: Playwright's own browser download is not
/// reachable), with a fresh user-data folder, and one workbench server they share.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long a step may wait for the page: a bound on waiting for an event, not a measure of speed. In CI every test
    /// project runs at once on two cores (load 20 and more) and a save or quick fix waits on a whole-library compile in
    /// the language server and in the workbench; Playwright's default of 5 s failed there
    /// (Editor_MisspeltFact_QuickFixRepairsAndSaves, reproduced at load 17 with a cold process).
    /// </summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// How long a step that runs whole-library work on the server (the page's prove: every golden case and every
    /// assertion's proof; a diff between versions) may wait: a bound against a hang, not a measure of speed. That
    /// work's time grows with the machine's load: verify alone took 26 s at load 20, and the prove step outran
    /// <see cref="StepTimeout"/> beside three builds and a CI run (Prove_FailingCase_ListedAndOpensItsSituation,
    /// session 6). CI's hang guard (`--blame-hang-timeout`) is longer still.
    /// </summary>
    public static readonly TimeSpan WorkTimeout = TimeSpan.FromMinutes(15);

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private string? _userData;

    public IBrowserContext Context { get; private set; } = null!;

    public RunningWorkbench Workbench { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout((float)StepTimeout.TotalMilliseconds);
        Workbench = await RunningWorkbench.StartAsync();
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("POWERS_REQUIRE_BROWSER") != "1")
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _userData = Directory.CreateTempSubdirectory("powers-chromium").FullName;
        Context = await _playwright.Chromium.LaunchPersistentContextAsync(_userData, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = Flags,
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        Context.SetDefaultTimeout((float)StepTimeout.TotalMilliseconds);
        Context.SetDefaultNavigationTimeout((float)StepTimeout.TotalMilliseconds);
    }

    public async Task<IPage> OpenAsync(string pathAndQuery)
    {
        var page = await Context.NewPageAsync();
        await page.GotoAsync(Workbench.Url(pathAndQuery));
        await page.Locator("body[data-ready=true]").WaitForAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Context.DisposeAsync();
            _playwright.Dispose();
        }

        if (_userData is not null)
        {
            Directory.Delete(_userData, recursive: true);
        }

        await Workbench.DisposeAsync();
    }
}
