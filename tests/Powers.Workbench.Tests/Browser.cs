using Microsoft.Playwright;

namespace Powers.Workbench.Tests;

/// <summary>
/// One headless Chromium for the browser tests (Debian's, launched by path: Playwright's own browser download is not
/// reachable), with a fresh user-data folder, and one workbench server they share.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

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
