using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Powers.Hosting.Tests.TestSupport;

/// <summary>A service provider with Powers and a collecting logger, no host.</summary>
public sealed class TestHost : IDisposable
{
    public TestHost(Action<PowersOptions> configure, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        collection.AddPowers(configure);
        services?.Invoke(collection);
        Provider = collection.BuildServiceProvider();
    }

    public CollectingLoggerProvider Logs { get; } = new();

    public ServiceProvider Provider { get; }

    public IPowersService Powers => Provider.GetRequiredService<IPowersService>();

    internal PowersService Service => Provider.GetRequiredService<PowersService>();

    public void Dispose() => Provider.Dispose();

    /// <summary>Polls a condition every 20 ms until it holds or the timeout passes.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(20);
        }

        return true;
    }
}
