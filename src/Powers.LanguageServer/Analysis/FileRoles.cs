namespace Powers.LanguageServer.Analysis;

/// <summary>Classifies a library file by its path below the library root.</summary>
internal static class FileRoles
{
    public static FileRole Of(string root, string path)
    {
        string relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative switch
        {
            "facts.json" => FileRole.Facts,
            "powers.json" => FileRole.Powers,
            "forces.json" => FileRole.Forces,
            _ when relative.StartsWith("designations/", StringComparison.Ordinal) => FileRole.Designation,
            _ when relative.StartsWith("cases/", StringComparison.Ordinal) => FileRole.Cases,
            _ => FileRole.Other,
        };
    }
}
