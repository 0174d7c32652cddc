using Powers.Compilation;

namespace Powers.Workbench;

/// <summary>
/// The rule library as the folder holds it now, compiled by the same compiler as <c>powers check</c>: compiled again
/// after a save through the page, or when a file changed on disk since (its newest write time moved).
/// </summary>
internal sealed class LibraryState
{
    private readonly RulesFolder _folder;
    private readonly Lock _gate = new();
    private CompilationResult? _result;
    private PowersEngine? _engine;
    private DateTime _stamp;

    public LibraryState(RulesFolder folder) => _folder = folder;

    /// <summary>The compilation (with its diagnostics) and an engine when it succeeded.</summary>
    public (CompilationResult Result, PowersEngine? Engine) Current()
    {
        DateTime stamp = NewestWrite();
        lock (_gate)
        {
            if (_result is null || stamp != _stamp)
            {
                _result = LibraryCompiler.CompileDirectory(_folder.Root);
                _engine = _result.Library is { } library ? new PowersEngine(library) : null;
                _stamp = stamp;
            }

            return (_result, _engine);
        }
    }

    /// <summary>Forgets the compilation (after a save), so the next request compiles the folder again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _result = null;
        }
    }

    private DateTime NewestWrite()
    {
        DateTime newest = DateTime.MinValue;
        foreach (string file in _folder.List())
        {
            var time = File.GetLastWriteTimeUtc(Path.Combine(_folder.Root, file));
            if (time > newest)
            {
                newest = time;
            }
        }

        return newest;
    }
}
