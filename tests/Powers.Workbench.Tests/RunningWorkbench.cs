namespace Powers.Workbench.Tests;

/// <summary>A workbench server on a free loopback port over a temporary copy of the rules; stopped on dispose.</summary>
public sealed class RunningWorkbench : IAsyncDisposable
{
    private RunningWorkbench(TempRules rules, WorkbenchServer server)
    {
        Rules = rules;
        Server = server;
    }

    public TempRules Rules { get; }

    internal WorkbenchServer Server { get; }

    public Uri Address => Server.Address;

    public string Csrf => Server.Csrf;

    public static async Task<RunningWorkbench> StartAsync(string? token = null, long maxFileBytes = 1 << 20)
    {
        var rules = new TempRules();
        var options = new WorkbenchOptions { RulesDirectory = rules.Root, Token = token, MaxFileBytes = maxFileBytes };
        var server = await WorkbenchServer.StartAsync(options, TextWriter.Null);
        return new RunningWorkbench(rules, server);
    }

    /// <summary>The address of a page path, e.g. <c>/?date=...</c>.</summary>
    public string Url(string pathAndQuery) => Server.Address.GetLeftPart(UriPartial.Authority) + pathAndQuery;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Rules.Dispose();
    }
}
