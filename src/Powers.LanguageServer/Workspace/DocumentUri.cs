namespace Powers.LanguageServer.Workspace;

/// <summary>Converts between LSP <c>file:</c> URIs and full local paths.</summary>
internal static class DocumentUri
{
    /// <summary>The full local path of a <c>file:</c> URI, or null for any other scheme or a malformed URI.</summary>
    public static string? ToPath(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(parsed.LocalPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>The <c>file:</c> URI of a full local path.</summary>
    public static string FromPath(string path) => new Uri(path).AbsoluteUri;
}
