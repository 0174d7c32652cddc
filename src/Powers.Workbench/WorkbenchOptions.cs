using System.Net;
using Powers.Analysis;

namespace Powers.Workbench;

/// <summary>How <c>powers workbench</c> serves: which rule folder, on which address, with which token.</summary>
internal sealed class WorkbenchOptions
{
    /// <summary>The rule library folder (the one holding <c>facts.json</c>); nothing outside it is read or written.</summary>
    public required string RulesDirectory { get; init; }

    /// <summary>The address to listen on: loopback unless the user asked for another, and then only with a token.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 takes a free one.</summary>
    public int Port { get; init; }

    /// <summary>A secret every request must carry (header, cookie or <c>?token=</c>), or null on loopback.</summary>
    public string? Token { get; init; }

    /// <summary>The largest body of a request that saves a file.</summary>
    public long MaxFileBytes { get; init; } = 1 << 20;

    /// <summary>The largest body of any other request (a query, a timeline).</summary>
    public long MaxRequestBytes { get; init; } = 64 << 10;

    /// <summary>
    /// What one prove, timeline or diff may spend (as <c>powers verify</c> and <c>powers diff</c>): an analysis that runs
    /// out answers 422 with the reason, never a partial answer.
    /// </summary>
    public AnalysisBudget Analysis { get; init; } = AnalysisBudget.Default;

    /// <summary>The largest LSP message the page may send over the WebSocket.</summary>
    public int MaxLspMessageBytes { get; init; } = 2 << 20;
}
