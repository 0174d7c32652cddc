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

    /// <summary>
    /// Moves a fake clock on by <paramref name="step"/> until <paramref name="condition"/> holds, giving the background
    /// loops a moment of real time after each step, at most <paramref name="steps"/> times. What happens depends on the
    /// fake clock alone (a quiet period elapses only when the test says so), never on how fast the machine is: a slow
    /// machine only takes more steps' worth of real time.
    /// </summary>
    public static bool AdvanceUntil(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TimeSpan step, Func<bool> condition, int steps = 400)
    {
        ArgumentNullException.ThrowIfNull(clock);
        for (int i = 0; i < steps; i++)
        {
            if (condition())
            {
                return true;
            }

            clock.Advance(step);
            if (WaitUntil(condition, TimeSpan.FromMilliseconds(50)))
            {
                return true;
            }
        }

        return condition();
    }

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
