using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Powers.Decisions;
using Powers.Hosting;

namespace Powers.ControlRoom;

/// <summary>
/// The control-room host: a worker that answers Powers queries over HTTP on 127.0.0.1 only.
/// <c>POST /decide</c> takes a query document and returns the decision document with its id in <c>X-Decision-Id</c>
/// (400 with the errors for bad input, by code, field and position; 503 when decision records are on and the decision
/// could not be recorded; an error answer never echoes what the caller sent or names a path on this machine), at
/// the level of detail <c>?detail=full|reasons|outcomes</c> asks for, by default <c>Powers:Detail</c>;
/// <c>GET /health</c> reports the rule set in service, the last reload error and a records failure.
/// </summary>
internal static class ControlRoomApp
{
    /// <summary>The port used when <c>ControlRoom:Port</c> is not configured.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The largest query document accepted, in bytes.</summary>
    public const int MaxQueryBytes = 64 * 1024;

    /// <summary>Health data that holds a reason or a path (the records file, the rules folder), left out of the answer.</summary>
    private static readonly HashSet<string> HealthReasons = new(StringComparer.Ordinal) { "source", "recordsError", "lastReloadError" };

    /// <summary>Builds the host; configuration comes from appsettings.json, the environment and <paramref name="args"/>.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        int port = builder.Configuration.GetValue("ControlRoom:Port", DefaultPort);

        // Loopback only: the endpoint is for software on the same machine.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        var powers = builder.Services.AddPowers().AddHealthCheck();
        ControlRoomRecords.Add(builder.Configuration, powers);
        ControlRoomTelemetry.Add(builder);

        var app = builder.Build();
        app.MapPost("/decide", DecideAsync);
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });
        ControlRoomTelemetry.Map(app);
        return app;
    }

    private static async Task<IResult> DecideAsync(HttpRequest request, IPowersService powers)
    {
        // The body is read into a pooled buffer and decided from its UTF-8 bytes: no buffer or string per request.
        var aborted = request.HttpContext.RequestAborted;
        DecisionDetail? detail = null;
        if (request.Query.TryGetValue("detail", out var asked))
        {
            // Checked before deciding: a request that cannot be answered as asked is not decided or recorded.
            if (asked.Count != 1 || !TryParseDetail(asked[0], out var level))
            {
                return Error(ControlRoomErrors.One("invalid-detail", "detail", "detail is full, reasons or outcomes"), StatusCodes.Status400BadRequest);
            }

            detail = level;
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxQueryBytes + 1);
        PowersAnswer answer;
        try
        {
            int length = await ReadBodyAsync(request, buffer, aborted).ConfigureAwait(false);
            if (length < 0)
            {
                return Error(ControlRoomErrors.One("too-large", string.Empty, "the query document is larger than 64 KiB"), StatusCodes.Status413PayloadTooLarge);
            }

            // Awaits the decision record (batched with other requests' records) without holding a thread.
            answer = await powers.DecideAsync(buffer.AsMemory(0, length), aborted).ConfigureAwait(false);
        }
        catch (DecisionNotRecordedException)
        {
            // Records are part of the decision: one that could not be recorded is not given out. Why (the sink, its
            // file or server) is in the log (event 1101) and the health check, not in an answer to a caller.
            return Error(ControlRoomErrors.One("not-recorded", string.Empty, "the decision could not be recorded, so it is withheld"), StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // No decision was made for bad input, so there is no record for an id to point at; the errors name the field
        // and the position, never the caller's text.
        if (!answer.Succeeded)
        {
            return Error(ControlRoomErrors.Query(answer.Errors, answer.Snapshot.Library.Schema), StatusCodes.Status400BadRequest);
        }

        request.HttpContext.Response.Headers["X-Decision-Id"] = answer.DecisionId;

        // System.Text.Json writes the answer as the decision document at its level (PowersAnswerJsonConverter).
        answer = detail is { } chosen ? answer.WithDetail(chosen) : answer;
        return Results.Json(answer, (System.Text.Json.JsonSerializerOptions?)null, "application/json", StatusCodes.Status200OK);
    }

    private static bool TryParseDetail(string? text, out DecisionDetail detail)
    {
        detail = text switch
        {
            "full" => DecisionDetail.Full,
            "reasons" => DecisionDetail.Reasons,
            "outcomes" => DecisionDetail.Outcomes,
            _ => (DecisionDetail)(-1),
        };
        return Enum.IsDefined(detail);
    }

    private static IResult Error(string json, int status) => Results.Text(json, "application/json", Encoding.UTF8, status);

    /// <summary>Reads the body into <paramref name="buffer"/>; its length, or -1 when it is larger than <see cref="MaxQueryBytes"/> bytes (counted as bytes, chunked or not).</summary>
    private static async Task<int> ReadBodyAsync(HttpRequest request, byte[] buffer, CancellationToken aborted)
    {
        if (request.ContentLength > MaxQueryBytes)
        {
            return -1;
        }

        int total = 0;
        int read;
        while (total <= MaxQueryBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(total, MaxQueryBytes + 1 - total), aborted).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total > MaxQueryBytes ? -1 : total;
    }

    /// <summary>
    /// Status, and each check's status with the data that names what is served (rule set, revision, hashes, generation,
    /// load time, when the last failure was). Not the reasons: a records error or a reload error names files on this
    /// machine; they are in the host's log.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var entries = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            var data = entry.Data.Where(d => !HealthReasons.Contains(d.Key)).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);
            entries[name] = new { status = entry.Status.ToString(), data };
        }

        return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), entries });
    }
}
