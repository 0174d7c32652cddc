using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Powers.Workbench;

/// <summary>
/// Safe by default, before any endpoint runs: the Host header must name this server (a page on another site that
/// rebinds a name to 127.0.0.1 is refused); with a token every request must carry it; a request that can change
/// anything (any method but GET and HEAD, and the language server's WebSocket) must come from this server's own page,
/// shown by the CSRF secret it was served and, where the browser sends one, by its Origin; bodies are capped.
/// </summary>
internal sealed class WorkbenchSecurity
{
    public const string CsrfHeader = "X-Powers-Csrf";
    public const string TokenHeader = "X-Powers-Token";
    public const string TokenCookie = "powers-token";

    private readonly WorkbenchOptions _options;

    public WorkbenchSecurity(WorkbenchOptions options)
    {
        _options = options;
        Csrf = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }

    /// <summary>The secret the page is served with and sends back on every write.</summary>
    public string Csrf { get; }

    /// <summary>The origins the page is served from, set once the port is known.</summary>
    public IReadOnlyList<string> Origins { get; set; } = [];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        string host = request.Host.Value ?? string.Empty;
        // On another address (--listen, only with a token) the name a browser uses cannot be known in advance.
        if (IPAddress.IsLoopback(_options.Address) && !Origins.Any(o => string.Equals(o, "http://" + host, StringComparison.OrdinalIgnoreCase)))
        {
            await WorkbenchApi.WriteError(context, 400, "this server answers only to its own address (Host '" + host + "' refused)");
            return;
        }

        if (_options.Token is { } token && !HasToken(context, token))
        {
            await WorkbenchApi.WriteError(context, 401, "a token is required: open the address printed by powers workbench, with its ?token=");
            return;
        }

        bool changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        bool socket = context.WebSockets.IsWebSocketRequest;
        if (changes || socket)
        {
            string? origin = request.Headers.Origin;
            if (origin is not null && !string.Equals(origin, "http://" + host, StringComparison.OrdinalIgnoreCase))
            {
                await WorkbenchApi.WriteError(context, 403, "cross-site request refused (Origin '" + origin + "')");
                return;
            }

            string? csrf = socket ? request.Query["csrf"] : request.Headers[CsrfHeader];
            if (!Same(csrf, Csrf))
            {
                await WorkbenchApi.WriteError(context, 403, "cross-site request refused: the " + CsrfHeader + " header is missing or wrong");
                return;
            }

            long cap = request.Path.StartsWithSegments("/api/file") ? _options.MaxFileBytes : _options.MaxRequestBytes;
            if (request.ContentLength > cap)
            {
                await WorkbenchApi.WriteError(context, 413, "the body is larger than " + cap + " bytes");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = cap;
            }
        }

        await next(context);
    }

    private static bool HasToken(HttpContext context, string token)
    {
        var request = context.Request;
        string? given = request.Headers[TokenHeader];
        if (given is null && request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            given = auth["Bearer ".Length..];
        }

        given ??= request.Cookies[TokenCookie];
        if (given is null && request.Query["token"].ToString() is { Length: > 0 } query)
        {
            given = query;
            if (Same(given, token))
            {
                // The address printed with ?token= logs the browser in; the page's own requests then carry the cookie.
                context.Response.Cookies.Append(TokenCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            }
        }

        return Same(given, token);
    }

    private static bool Same(string? given, string expected) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    /// <summary>The origins a browser uses for a server on this address and port.</summary>
    public static IReadOnlyList<string> OriginsFor(IPAddress address, int port)
    {
        var origins = new List<string> { "http://" + Format(address) + ":" + port };
        if (IPAddress.IsLoopback(address))
        {
            origins.Add("http://localhost:" + port);
        }

        return origins;
    }

    private static string Format(IPAddress address) => address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address + "]" : address.ToString();
}
