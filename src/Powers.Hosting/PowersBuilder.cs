using Microsoft.Extensions.DependencyInjection;

namespace Powers.Hosting;

/// <summary>The <see cref="IPowersBuilder"/> handed out by <c>AddPowers</c>.</summary>
internal sealed class PowersBuilder(IServiceCollection services) : IPowersBuilder
{
    /// <inheritdoc />
    public IServiceCollection Services { get; } = services;
}
