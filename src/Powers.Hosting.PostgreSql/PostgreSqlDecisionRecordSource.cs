using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Powers.Hosting.PostgreSql;

/// <summary>
/// Reads back the decision records <see cref="PostgreSqlDecisionRecordSink"/> stores, for <c>powers replay</c>: rows
/// written before records were chained first (their record rebuilt from the columns, as it was written then),
/// then each writer's records in their sequence, each as its stored <c>record</c> text, then rows without a record
/// decided after the first chained one. The columns an auditor's
/// query reads are checked against the record: a row whose columns disagree with it carries that as its problem,
/// so checking the trail names it. Rows are streamed, so a table of any size is read in flat memory. Its checkpoints
/// are the rows of <c>TABLE_checkpoints</c> (<see cref="PostgreSqlCheckpointSource"/>).
/// </summary>
internal sealed class PostgreSqlDecisionRecordSource(string connectionString, string table, Guid? id = null) : IDecisionRecordSource
{
    private const string Select = """
        SELECT id, record, decided_at, ruleset_id, ruleset_version, ruleset_revision, ruleset_sha256, library_sha256,
            to_char(query_date, 'YYYY-MM-DD'), designation, designation_force, designation_powers, facts::text, outcomes::text,
            chain_writer, chain_seq,
            CASE WHEN record IS NULL THEN json_build_object(
                'decisionId', id,
                'date', to_char(query_date, 'YYYY-MM-DD'),
                'ruleset', CASE WHEN ruleset_id IS NULL THEN NULL
                    ELSE json_build_object('id', ruleset_id, 'version', ruleset_version, 'revision', ruleset_revision, 'sha256', ruleset_sha256) END,
                'designation', coalesce(to_json(designation), json_build_object('force', designation_force, 'powers', designation_powers)),
                'facts', facts,
                'outcomes', outcomes)::text END
        """;

    /// <summary>
    /// Rows without a record decided before the first chained row come first (written before records were
    /// chained), then the chains, then rows without a record decided later: a checker finds those after a chain,
    /// as inserted (or written by an older Powers), instead of taking them for older rows it cannot check.
    /// </summary>
    private string Order => $"CASE WHEN record IS NOT NULL THEN 1 WHEN decided_at < coalesce((SELECT min(decided_at) FROM {table} WHERE record IS NOT NULL), 'infinity') THEN 0 ELSE 2 END";

    /// <inheritdoc />
    public string Name => table;

    /// <inheritdoc />
    public bool IsStream => false;

    /// <inheritdoc />
    public StoredCheckpoints ReadCheckpoints() => PostgreSqlCheckpointSource.Read(connectionString, table);

    /// <inheritdoc />
    public IEnumerable<StoredDecisionRecord> Read()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            Select + " FROM " + table + (id is null ? string.Empty : " WHERE id = @id") + " ORDER BY " + Order + ", chain_writer, chain_seq, decided_at, id",
            connection);
        if (id is { } one)
        {
            command.Parameters.AddWithValue("id", one);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string where = table + " id " + reader.GetGuid(0).ToString("D", CultureInfo.InvariantCulture);
            if (reader.IsDBNull(1))
            {
                yield return new StoredDecisionRecord(Encoding.UTF8.GetBytes(reader.GetString(16)), where);
                continue;
            }

            string record = reader.GetString(1);
            string? disagree = Disagreeing(reader, record);
            yield return new StoredDecisionRecord(
                Encoding.UTF8.GetBytes(record),
                where,
                problem: disagree is null ? null : disagree + " disagree" + (disagree.Contains(',', StringComparison.Ordinal) ? string.Empty : "s") + " with the row's record: edited");
        }
    }

    /// <summary>The columns of the row that say something other than its record, or null when all agree.</summary>
    private static string? Disagreeing(NpgsqlDataReader row, string record)
    {
        JsonObject r;
        try
        {
            r = JsonNode.Parse(record) as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return "record (not a JSON object)";
        }

        var columns = new List<string>();
        void Check(bool agrees, string column)
        {
            if (!agrees)
            {
                columns.Add(column);
            }
        }

        Check(Text(r, "decisionId") == row.GetGuid(0).ToString("D", CultureInfo.InvariantCulture), "id");
        Check(DateTimeOffset.TryParse(Text(r, "time"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            && Math.Abs((time.UtcDateTime - row.GetFieldValue<DateTime>(2)).Ticks) < 10, "decided_at");
        var ruleset = r["ruleset"] as JsonObject;
        Check(Text(ruleset, "id") == Nullable(row, 3) && Text(ruleset, "version") == Nullable(row, 4)
            && Text(ruleset, "revision") == (row.IsDBNull(5) ? null : row.GetInt32(5).ToString(CultureInfo.InvariantCulture))
            && Text(ruleset, "sha256") == Nullable(row, 6), "ruleset");
        Check(Text(r, "librarySha256") == row.GetString(7), "library_sha256");
        Check(Text(r, "date") == Nullable(row, 8), "query_date");
        Check(Designation(r["designation"], row), "designation");
        Check(JsonNode.DeepEquals(r["facts"], JsonNode.Parse(row.GetString(12))), "facts");
        Check(JsonNode.DeepEquals(Outcomes(r), JsonNode.Parse(row.GetString(13))), "outcomes");
        var chain = r["chain"] as JsonObject;
        Check(Text(chain, "writer") == Nullable(row, 14) && Text(chain, "seq") == (row.IsDBNull(15) ? null : row.GetInt64(15).ToString(CultureInfo.InvariantCulture)), "chain_writer, chain_seq");
        return columns.Count == 0 ? null : string.Join(", ", columns);
    }

    private static bool Designation(JsonNode? designation, NpgsqlDataReader row)
    {
        if (designation is JsonValue value && value.TryGetValue(out string? id))
        {
            return id == Nullable(row, 9);
        }

        if (designation is not JsonObject adHoc || !row.IsDBNull(9) || Text(adHoc, "force") != row.GetString(10))
        {
            return false;
        }

        string[] powers = row.IsDBNull(11) ? [] : row.GetFieldValue<string[]>(11);
        return adHoc["powers"] is JsonArray listed && listed.Select(p => p is JsonValue v && v.TryGetValue(out string? s) ? s : null).SequenceEqual(powers);
    }

    /// <summary>The outcomes column a record gives: each power's outcome and confidence.</summary>
    private static JsonObject Outcomes(JsonObject r)
    {
        var low = (r["lowConfidence"] as JsonArray)?.Select(p => p?.ToString()).ToHashSet(StringComparer.Ordinal) ?? [];
        var outcomes = new JsonObject();
        if (r["outcomes"] is JsonObject recorded)
        {
            foreach (var (power, outcome) in recorded)
            {
                outcomes[power] = new JsonObject { ["outcome"] = outcome?.DeepClone(), ["confidence"] = low.Contains(power) ? "low" : "high" };
            }
        }

        return outcomes;
    }

    private static string? Text(JsonObject? parent, string name) => parent?[name] switch
    {
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static string? Nullable(NpgsqlDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
