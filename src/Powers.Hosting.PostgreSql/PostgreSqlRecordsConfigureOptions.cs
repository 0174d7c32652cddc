using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Powers.Hosting.PostgreSql;

/// <summary>Binds <see cref="PostgreSqlRecordsOptions"/> from <c>Powers:PostgreSql</c> when the container has a configuration.</summary>
internal sealed class PostgreSqlRecordsConfigureOptions(IServiceProvider services) : IConfigureOptions<PostgreSqlRecordsOptions>
{
    /// <inheritdoc />
    public void Configure(PostgreSqlRecordsOptions options)
    {
        if (services.GetService(typeof(IConfiguration)) is IConfiguration configuration)
        {
            configuration.GetSection(PostgreSqlRecordsOptions.SectionName).Bind(options);
        }
    }
}
