using Microsoft.Extensions.Hosting;

namespace Powers.Hosting;

/// <summary>Resolves the relative paths of <see cref="PowersOptions"/> against the host's content root.</summary>
internal static class PowersPaths
{
    /// <summary>The full path, relative paths taken from the content root (or the current directory without a host).</summary>
    public static string Resolve(string path, IHostEnvironment? environment)
    {
        string basePath = string.IsNullOrEmpty(environment?.ContentRootPath) ? Environment.CurrentDirectory : environment.ContentRootPath;
        return Path.GetFullPath(path, basePath);
    }
}
