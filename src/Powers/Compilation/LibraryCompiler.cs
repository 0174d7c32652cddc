using Powers.Binding;
using Powers.Diagnostics;
using Powers.Model;
using Powers.Syntax;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Compilation;

/// <summary>
/// Compiles a rule library the way Roslyn compiles C#: every file is read with exact positions, every author
/// mistake becomes a diagnostic, compilation goes on after errors to report all of them, and it never throws
/// on input. The result is an immutable <see cref="RuleLibrary"/>.
/// </summary>
public sealed partial class LibraryCompiler
{
    /// <summary>The most files a library may have.</summary>
    public const int MaxFiles = 10_000;

    /// <summary>The largest rule file read, in bytes; a host reading files ahead of the compiler stops one byte after it.</summary>
    public const long MaxFileBytes = SourceLoader.MaxFileBytes;

    private readonly DiagnosticBag _diagnostics = new();
    private readonly List<PowerDefinition> _powers = [];
    private readonly HashSet<string> _powerIds = new(StringComparer.Ordinal);
    private readonly List<Force> _forces = [];
    private readonly HashSet<string> _nations = new(StringComparer.Ordinal);

    /// <summary>Designations dropped for an error (with their includes), so that their names are not reported unknown.</summary>
    private readonly List<(SourceText Source, string Id, IReadOnlyList<Syntax.Json.JsonString> Includes)> _droppedDesignations = [];

    /// <summary>Whether forces.json was read; when it could not be, force names are not checked (one error, not hundreds).</summary>
    private bool _forcesRead;
    private FactSchema _schema = new([]);
    private bool _schemaLoaded;

    private LibraryCompiler()
    {
    }

    /// <summary>Compiles the files of a library.</summary>
    public static CompilationResult Compile(IReadOnlyList<LibraryFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return new LibraryCompiler().Run(files);
    }

    /// <summary>Compiles the library in a directory.</summary>
    public static CompilationResult CompileDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            var bag = new DiagnosticBag();
            bag.Add(Diagnostic.Create(DiagnosticDescriptors.FileUnreadable, null, "no directory '" + directory + "'"));
            return new CompilationResult(bag.ToSortedList(), null);
        }

        return Compile(LibraryFiles.FromDirectory(directory));
    }

    /// <summary>Compiles the library embedded in the Powers assembly.</summary>
    public static CompilationResult CompileEmbedded() => Compile(LibraryFiles.Embedded());

    private CompilationResult Run(IReadOnlyList<LibraryFile> files)
    {
        if (files.Count > MaxFiles)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.LimitExceeded, null, "The library has " + files.Count + " files; the limit is " + MaxFiles));
            return new CompilationResult(_diagnostics.ToSortedList(), null);
        }

        var parsed = new List<(LibraryFile File, SourceText Source, JsonNode Root)>();
        foreach (var file in files)
        {
            var source = Load(file);
            var root = source is null ? null : JsonParser.Parse(source, _diagnostics);
            if (root is not null)
            {
                parsed.Add((file, source!, root));
            }
            else if (Classify(file.RelativePath) == FileKind.RuleSet)
            {
                NoteUnavailable(file.DisplayPath, null);
            }
        }

        var byKind = parsed.ToLookup(p => Classify(p.File.RelativePath));
        foreach (var p in byKind[FileKind.Unknown])
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownFileKind, p.Source, new TextSpan(0, 0), p.File.RelativePath);
        }

        // A catalogue present but unreadable (malformed JSON) is reported where it breaks, not also as missing.
        var present = files.Select(f => Classify(f.RelativePath)).ToHashSet();
        bool complete = ReadSingleton(byKind[FileKind.Facts], "facts.json", ReadFacts, present.Contains(FileKind.Facts))
            & ReadSingleton(byKind[FileKind.Powers], "powers.json", ReadPowers, present.Contains(FileKind.Powers))
            & (_forcesRead = ReadSingleton(byKind[FileKind.Forces], "forces.json", ReadForces, present.Contains(FileKind.Forces)));

        var rawVersions = new List<RawVersion>();
        foreach (var p in byKind[FileKind.RuleSet])
        {
            if (ReadRuleSet(p.Source, p.Root) is { } raw)
            {
                rawVersions.Add(raw);
            }
            else
            {
                NoteUnavailable(p.Source.Path, p.Root);
            }
        }

        var versions = Consolidate(rawVersions);
        var rawDesignations = new List<RawDesignation>();
        foreach (var p in byKind[FileKind.Designation])
        {
            if (ReadDesignation(p.Source, p.Root) is { } raw)
            {
                rawDesignations.Add(raw);
            }
        }

        var designations = ResolveDesignations(rawDesignations);
        if (_unavailable.Count == 0)
        {
            // With a version missing, a power would look never in force for want of it.
            CheckDesignationsAgainstLaw(designations, versions);
            CheckPowerCoverage(versions);
        }

        var cases = new List<GoldenCase>();
        foreach (var p in byKind[FileKind.Cases])
        {
            ReadCases(p.Source, p.Root, cases);
        }

        var assertions = new List<Assertion>();
        foreach (var p in byKind[FileKind.Assertions])
        {
            ReadAssertions(p.Source, p.Root, assertions, designations);
        }

        RuleLibrary? library = null;
        if (complete && _schemaLoaded)
        {
            library = new RuleLibrary(_schema, _powers.ToArray(), _forces.ToArray(), versions, designations, cases, assertions);
            CheckCaseQueries(library, cases);
        }

        return new CompilationResult(_diagnostics.ToSortedList(), library);
    }

    private SourceText? Load(LibraryFile file)
    {
        var placeholder = new SourceText(file.DisplayPath, string.Empty);
        if (file.Problem is { } problem)
        {
            _diagnostics.Report(problem.Descriptor, placeholder, default, problem.Detail);
            return null;
        }

        if (file.Length > SourceLoader.MaxFileBytes)
        {
            _diagnostics.Report(DiagnosticDescriptors.FileTooLarge, placeholder, default, file.Length, SourceLoader.MaxFileBytes);
            return null;
        }

        byte[] bytes;
        try
        {
            using var stream = file.Open();
            bytes = SourceLoader.ReadCapped(stream);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _diagnostics.Report(DiagnosticDescriptors.FileUnreadable, placeholder, default, e.Message);
            return null;
        }

        // A file that grew after it was listed: its listed length is stale, so report what was read.
        if (bytes.Length > SourceLoader.MaxFileBytes)
        {
            _diagnostics.Report(DiagnosticDescriptors.FileTooLarge, placeholder, default, Math.Max(file.Length, bytes.Length), SourceLoader.MaxFileBytes);
            return null;
        }

        return SourceLoader.Decode(file.DisplayPath, bytes, _diagnostics);
    }

    private bool ReadSingleton(IEnumerable<(LibraryFile File, SourceText Source, JsonNode Root)> files, string name, Action<SourceText, JsonNode> read, bool present)
    {
        bool any = false;
        foreach (var p in files)
        {
            any = true;
            read(p.Source, p.Root);
        }

        if (!any && !present)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MissingLibraryFile, null, name));
        }

        return any;
    }

    private static FileKind Classify(string relativePath)
    {
        switch (relativePath)
        {
            case "facts.json": return FileKind.Facts;
            case "powers.json": return FileKind.Powers;
            case "forces.json": return FileKind.Forces;
        }

        string[] parts = relativePath.Split('/');
        if (parts.Length != 2)
        {
            return FileKind.Unknown;
        }

        return parts[0] switch
        {
            "designations" => FileKind.Designation,
            "cases" => FileKind.Cases,
            "assertions" => FileKind.Assertions,
            "schema" => FileKind.Unknown,
            _ => FileKind.RuleSet,
        };
    }

    private static Location At(SourceText source, TextSpan span) => new(source, span);

    private void Report(DiagnosticDescriptor descriptor, SourceText source, TextSpan span, params object?[] args)
        => _diagnostics.Report(descriptor, source, span, args);
}
