using Powers.Analysis;

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

    /// <summary>
    /// Starts a workbench whose analyses are bounded by work, not the wall clock, unless <paramref name="analysis"/> says
    /// otherwise: the page tests compare its proofs and diffs with the tool's, and at load 20 a 30-second limit ran out.
    /// </summary>
    public static async Task<RunningWorkbench> StartAsync(string? token = null, long maxFileBytes = 1 << 20, AnalysisBudget? analysis = null)
    {
        var rules = new TempRules();
        var options = new WorkbenchOptions
        {
            RulesDirectory = rules.Root, Token = token, MaxFileBytes = maxFileBytes,
            Analysis = analysis ?? new AnalysisBudget { TimeLimit = Timeout.InfiniteTimeSpan },
        };
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
