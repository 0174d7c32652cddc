using FsCheck;
using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Properties.Tests.Generators;
using Powers.Properties.Tests.Support;
using Powers.Syntax.Expressions;
using Powers.TestSupport;

namespace Powers.Properties.Tests.Compilation;

public class CompilerRobustnessProperties
{
    [PowersProperty(500)]
    public void ParseText_ArbitraryText_NeverThrowsAndSpansLieInside(NonNull<string> text)
    {
        var diagnostics = new DiagnosticBag();
        ExpressionParser.ParseText(text.Get, diagnostics, out var source);
        foreach (var diagnostic in diagnostics.ToSortedList())
        {
            AssertInside(diagnostic, new Dictionary<string, int>(StringComparer.Ordinal) { [source.Path] = source.Length });
        }
    }

    [PowersProperty(100)]
    public void Compile_ArbitraryTextAsRuleSet_NeverThrowsAndSpansLieInside(NonNull<string> text) =>
        CompileWith("pra2002/zz-arbitrary.json", text.Get);

    [PowersProperty(100)]
    public void Compile_ArbitraryTextAsDesignation_NeverThrowsAndSpansLieInside(NonNull<string> text) =>
        CompileWith("designations/zz-arbitrary.json", text.Get);

    [PowersProperty(150)]
    public void Compile_MutatedRuleFile_NeverThrowsAndSpansLieInside(MutatedLibrary mutated) =>
        CompileWith(mutated.Path, mutated.Text);

    private static void CompileWith(string path, string text)
    {
        var files = new Dictionary<string, string>(ShippedLibrary.Files, StringComparer.Ordinal) { [path] = text };
        var lengths = files.ToDictionary(f => "rules/" + f.Key, f => f.Value.Length, StringComparer.Ordinal);
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        foreach (var diagnostic in result.Diagnostics)
        {
            AssertInside(diagnostic, lengths);
        }
    }

    private static void AssertInside(Diagnostic diagnostic, Dictionary<string, int> lengths)
    {
        if (diagnostic.Location is not { } location)
        {
            return;
        }

        var span = location.Span;
        PropertyViolationException.Check(span.Start >= 0 && span.Length >= 0 && span.End <= location.Source.Length, () => "span " + span + " outside " + location.Path + " (" + location.Source.Length + " chars): " + diagnostic.Id + " " + diagnostic.Message);
        PropertyViolationException.Check(!lengths.TryGetValue(location.Path, out int length) || length == location.Source.Length, () => "diagnostic " + diagnostic.Id + " points into a text of " + location.Source.Length + " chars, but " + location.Path + " has " + length);
    }
}
