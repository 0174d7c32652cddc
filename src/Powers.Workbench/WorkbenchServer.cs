using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Powers.Workbench;

/// <summary>The workbench's web server: Kestrel on one address (loopback unless asked), the page, the API and <c>/lsp</c>.</summary>
internal sealed class WorkbenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly WorkbenchSecurity _security;

    private WorkbenchServer(WebApplication app, WorkbenchSecurity security)
    {
        _app = app;
        _security = security;
    }

    /// <summary>The address to open, with the token when there is one.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The CSRF secret the page carries (tests send it as the page does).</summary>
    public string Csrf => _security.Csrf;

    public static async Task<WorkbenchServer> StartAsync(WorkbenchOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!IPAddress.IsLoopback(options.Address) && string.IsNullOrEmpty(options.Token))
        {
            throw new ArgumentException("listening on " + options.Address + " needs a token (--token): anyone who can reach the address could edit the rules", nameof(options));
        }

        var folder = new RulesFolder(options.RulesDirectory);
        var library = new LibraryState(folder);
        var api = new WorkbenchApi(folder, library, options.Analysis);
        var security = new WorkbenchSecurity(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = folder.Root, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(options.Address, options.Port);
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxFileBytes, options.MaxRequestBytes);
            k.AddServerHeader = false;
        });
        var app = builder.Build();
        // WebSockets first, so the security check sees a WebSocket request as one (and holds it to the page's origin).
        app.UseWebSockets();
        app.Use((context, next) => security.InvokeAsync(context, next));
        app.MapGet("/", context => FrontEnd.Page(context, security.Csrf));
        app.MapGet("/card", context => FrontEnd.Page(context, security.Csrf));
        app.MapGet("/app.js", context => FrontEnd.Asset(context, "app.js", "text/javascript; charset=utf-8"));
        app.MapGet("/app.css", context => FrontEnd.Asset(context, "app.css", "text/css; charset=utf-8"));
        app.MapGet("/api/library", api.Library);
        app.MapGet("/api/file", api.ReadFile);
        app.MapPut("/api/file", api.WriteFile);
        app.MapPost("/api/decide", api.Decide);
        app.MapPost("/api/timeline", api.Timeline);
        app.MapPost("/api/diff", api.Diff);
        app.MapPost("/api/prove", api.Prove);
        app.Map("/lsp", context => LanguageServerSocket.Serve(context, folder, options, log));
        await app.StartAsync(cancellationToken);
        int port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        security.Origins = WorkbenchSecurity.OriginsFor(options.Address, port);
        var server = new WorkbenchServer(app, security)
        {
            Address = new Uri(security.Origins[0] + "/" + (options.Token is { } t ? "?token=" + Uri.EscapeDataString(t) : string.Empty)),
        };
        return server;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
