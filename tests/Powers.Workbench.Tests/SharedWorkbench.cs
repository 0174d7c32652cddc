namespace Powers.Workbench.Tests;

/// <summary>One running workbench for a test class whose tests each open a connection of their own to it.</summary>
public sealed class SharedWorkbench : IAsyncLifetime
{
    private RunningWorkbench? _workbench;

    public RunningWorkbench Workbench => _workbench ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _workbench = await RunningWorkbench.StartAsync();

    public async Task DisposeAsync()
    {
        if (_workbench is not null)
        {
            await _workbench.DisposeAsync();
        }
    }
}
