namespace Powers.Cli.Replay;

/// <summary>One power whose outcome would change: the decision id, the power, the recorded and the new outcome (null when the power is absent on that side).</summary>
internal sealed record ReplayChange(string Id, string Power, string? Was, string? Now);
