using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Powers.Workbench;

/// <summary>The page: <c>index.html</c>, <c>app.css</c> and the bundled <c>app.js</c>, embedded in the tool.</summary>
internal static class FrontEnd
{
    /// <summary>What to do when this build has no bundle (npm was absent when it was built).</summary>
    public const string Missing = "this build of powers has no workbench front end: it is built from TypeScript with npm. Install Node.js and npm (e.g. apt-get install nodejs npm), then build again: dotnet build src/Powers.Cli (the build runs npm ci and esbuild in src/Powers.Workbench/web)";

    public static bool HasBundle => Resource("app.js") is not null;

    public static async Task Page(HttpContext context, string csrf)
    {
        string html = Resource("index.html")!.Replace("__POWERS_CSRF__", csrf, StringComparison.Ordinal);
        Secure(context.Response);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html, context.RequestAborted);
    }

    public static async Task Asset(HttpContext context, string name, string contentType)
    {
        if (Resource(name) is not { } text)
        {
            await WorkbenchApi.WriteError(context, 404, Missing);
            return;
        }

        Secure(context.Response);
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    private static void Secure(HttpResponse response)
    {
        // CodeMirror injects its style sheet at run time, hence 'unsafe-inline' for styles only; scripts come from here alone.
        response.Headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = "no-store";
    }

    private static string? Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("workbench/" + name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
