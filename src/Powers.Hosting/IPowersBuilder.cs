using Microsoft.Extensions.DependencyInjection;

namespace Powers.Hosting;

/// <summary>Returned by <c>AddPowers</c> to configure Powers further (decision record sinks, the health check).</summary>
public interface IPowersBuilder
{
    /// <summary>The services Powers is registered in.</summary>
    IServiceCollection Services { get; }
}
