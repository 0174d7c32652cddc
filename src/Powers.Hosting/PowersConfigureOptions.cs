using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Powers.Hosting;

/// <summary>
/// Binds <see cref="PowersOptions"/> from the <c>Powers</c> section of the host's configuration, when the
/// container has one (a bare <c>ServiceCollection</c> has none, and then only code configures the options).
/// </summary>
internal sealed class PowersConfigureOptions(IServiceProvider services) : IConfigureOptions<PowersOptions>
{
    /// <inheritdoc />
    public void Configure(PowersOptions options)
    {
        if (services.GetService(typeof(IConfiguration)) is IConfiguration configuration)
        {
            configuration.GetSection(PowersOptions.SectionName).Bind(options);
        }
    }
}
