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
/// (400 with the errors for bad input; 503 when decision records are on and the decision could not be recorded), at
/// the level of detail <c>?detail=full|reasons|outcomes</c> asks for, by default <c>Powers:Detail</c>;
/// <c>GET /health</c> reports the rule set in service, the last reload error and a records failure.
/// </summary>
internal static class ControlRoomApp
{
    /// <summary>The port used when <c>ControlRoom:Port</c> is not configured.</summary>
    public const int DefaultPort = 5080;

    /// <summary>The largest query document accepted, in bytes.</summary>
    public const int MaxQueryBytes = 64 * 1024;

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
                return Results.Text(ErrorJson("detail: '" + asked + "' is not full, reasons or outcomes"), "application/json", Encoding.UTF8, StatusCodes.Status400BadRequest);
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
                return Results.Text("""{"errors":[{"field":"","message":"the query document is larger than 64 KiB"}]}""", "application/json", Encoding.UTF8, StatusCodes.Status413PayloadTooLarge);
            }

            // Awaits the decision record (batched with other requests' records) without holding a thread.
            answer = await powers.DecideAsync(buffer.AsMemory(0, length), aborted).ConfigureAwait(false);
        }
        catch (DecisionNotRecordedException e)
        {
            // Records are part of the decision: one that could not be recorded is not given out.
            return Results.Text(ErrorJson(e.Message), "application/json", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // No decision was made for bad input, so there is no record for an id to point at.
        if (answer.Succeeded)
        {
            request.HttpContext.Response.Headers["X-Decision-Id"] = answer.DecisionId;
        }

        // System.Text.Json writes the answer as the decision document at its level, or the errors (PowersAnswerJsonConverter).
        answer = detail is { } chosen ? answer.WithDetail(chosen) : answer;
        return Results.Json(answer, (System.Text.Json.JsonSerializerOptions?)null, "application/json", answer.Succeeded ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
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

    private static string ErrorJson(string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("field", string.Empty);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

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

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var entries = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, entry) in report.Entries)
        {
            entries[name] = new { status = entry.Status.ToString(), description = entry.Description, data = entry.Data };
        }

        return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), entries });
    }
}
