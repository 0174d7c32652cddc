using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <content>
/// Versions whose file failed to compile. What depends on one (an <c>extends</c>, a <c>preserve</c>, a case's
/// <c>ruleset</c>) is told that it is unavailable and where its file's first error is, never "did you mean" a
/// different version, which would send the author to the wrong law; and the checks that a missing version would
/// set off (a gap in time, removals of inherited powers, designated powers never in force) stay quiet.
/// </content>
public sealed partial class LibraryCompiler
{
    private readonly List<UnavailableVersion> _unavailable = [];

    /// <summary>Records a rule set file that failed before its version could be built; <paramref name="root"/> is null when it did not parse.</summary>
    private void NoteUnavailable(string path, JsonNode? root)
    {
        string? family = null;
        string? version = null;
        if (root is JsonObject obj)
        {
            family = (obj.Find("ruleset")?.Value as JsonString)?.Value;
            version = (obj.Find("version")?.Value as JsonString)?.Value;
        }

        var first = _diagnostics.FirstError(path);
        string where = first?.Location is { } location ? location.ToString() : path + new LinePosition(1, 1);
        _unavailable.Add(new UnavailableVersion(family, version ?? Path.GetFileNameWithoutExtension(path), Folder(path), where));
    }

    /// <summary>The failed file that would have held <paramref name="family"/>@<paramref name="version"/>, named from <paramref name="referrer"/>.</summary>
    private UnavailableVersion? Unavailable(string family, string version, SourceText? referrer) =>
        _unavailable.Find(u => u.Version == version && (u.Family == family || (u.Family is null && referrer is not null && u.Folder == Folder(referrer.Path))));

    /// <summary>Reports that a named version is unavailable, when its file failed; false when no file failed that could have held it.</summary>
    private bool ReportUnavailable(string family, string version, SourceText source, TextSpan span)
    {
        if (Unavailable(family, version, source) is not { } unavailable)
        {
            return false;
        }

        Report(DiagnosticDescriptors.VersionUnavailable, source, span, family + "@" + version, unavailable.FirstError);
        return true;
    }

    /// <summary>Whether a family may be missing versions because a rule set file failed (one whose family could not be read counts for every family).</summary>
    private bool FamilyIncomplete(string family) => _unavailable.Exists(u => u.Family is null || u.Family == family);

    private static string Folder(string path) => Path.GetDirectoryName(path) ?? string.Empty;
}
