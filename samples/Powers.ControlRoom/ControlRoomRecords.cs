using Powers.Hosting;
using Powers.Hosting.PostgreSql;

namespace Powers.ControlRoom;

/// <summary>
/// Records decisions to PostgreSQL when configuration names a database (<c>Powers:PostgreSql:ConnectionString</c>,
/// with <c>Powers:RecordDecisions</c> true), so that switching the audit trail from a file to a database needs
/// no code.
/// </summary>
internal static class ControlRoomRecords
{
    public static void Add(IConfiguration configuration, IPowersBuilder powers)
    {
        if (!string.IsNullOrWhiteSpace(configuration[PostgreSqlRecordsOptions.SectionName + ":ConnectionString"]))
        {
            powers.AddPostgreSqlRecords();
        }
    }
}
