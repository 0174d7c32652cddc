using System.Net;
using System.Text;
using Powers.ControlRoom;

namespace Powers.Hosting.PostgreSql.Tests;

/// <summary>The control-room sample records to PostgreSQL by configuration alone.</summary>
[Collection(PostgresServer.Name)]
public sealed class ControlRoomPostgreSqlTests
{
    [PostgresFact]
    public async Task PostDecide_PostgreSqlConfigured_RecordsTheDecisionInTheTable()
    {
        string schema = Postgres.NewSchema();
        await using var app = ControlRoomApp.Build([
            "--ControlRoom:Port=0", "--Logging:LogLevel:Default=Warning",
            "--Powers:RecordDecisions=true", "--Powers:PostgreSql:ConnectionString=" + Postgres.Required, "--Powers:PostgreSql:Schema=" + schema,
        ]);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(30) };

        using var response = await client.PostAsync(
            new Uri("/decide", UriKind.Relative),
            new StringContent("""{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true}}""", Encoding.UTF8, "application/json"));
        string id = response.Headers.GetValues("X-Decision-Id").Single();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("met-2002-security", Postgres.Scalar<string>($"SELECT designation FROM {schema}.decisions WHERE id = '{id}'"));
        Assert.Equal(1, Postgres.Scalar<long>($"SELECT count(*) FROM {schema}.decisions"));
    }
}
