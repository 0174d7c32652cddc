using System.Text;
using FsCheck;
using Powers.Compilation;
using Powers.Diagnostics;
using Powers.Properties.Tests.Support;
using Powers.Syntax.Json;
using Powers.TestSupport;
using Powers.Text;

namespace Powers.Properties.Tests.Syntax;

/// <summary>
/// <c>powers fmt</c> (issue 24, item 9): formatting is idempotent, never throws, keeps every value and the order of
/// every property, and leaves the compiled library as it was. Bounded by the number of cases (a shipped file is at
/// most a few hundred KB; each case formats it twice and compiles the library twice).
/// </summary>
public class JsonFormatterProperties
{
    private static readonly string[] Paths = [.. ShippedLibrary.Files.Keys.Order(StringComparer.Ordinal)];

    [PowersProperty(300)]
    public void Format_ArbitraryText_NeverThrowsAndIsIdempotent(NonNull<string> text)
    {
        string? once = JsonFormatter.Format(text.Get);
        if (once is not null)
        {
            PropertyViolationException.Check(JsonFormatter.Format(once) == once, () => "fmt(fmt(x)) != fmt(x) for x = " + text.Get);
        }
    }

    [PowersProperty(30)]
    public void Format_ShippedFileLaidOutAtRandom_IdempotentSameValuesSameLibrary(NonNegativeInt file, int seed)
    {
        string path = Paths[file.Get % Paths.Length];
        string original = ShippedLibrary.Files[path];
        string scrambled = Scramble(original, new Random(seed));
        string formatted = JsonFormatter.Format(scrambled) ?? throw new PropertyViolationException(path + ": the scrambled file does not parse (seed " + seed + ")");

        PropertyViolationException.Check(JsonFormatter.Format(formatted) == formatted, () => path + ": fmt(fmt(x)) != fmt(x) (seed " + seed + ")");
        PropertyViolationException.Check(formatted == JsonFormatter.Format(original), () => path + ": two layouts of one file format differently (seed " + seed + ")");
        PropertyViolationException.Check(Tree(formatted) == Tree(scrambled), () => path + ": a value, a name or an order changed (seed " + seed + ")");
        PropertyViolationException.Check(Compiled(path, formatted) == Compiled(path, scrambled), () => path + ": the compiled library changed (seed " + seed + ")");
    }

    /// <summary>The same values in another layout: random whitespace (spaces, tabs, LF, CRLF) or none between tokens.</summary>
    private static string Scramble(string text, Random random)
    {
        var root = JsonParser.Parse(new SourceText("x.json", text), new DiagnosticBag())!;
        var output = new StringBuilder();
        Write(root);
        return output.ToString();

        void Space()
        {
            string[] pieces = [string.Empty, " ", "  ", "\t", "\n", "\r\n", "\n    "];
            output.Append(pieces[random.Next(pieces.Length)]);
        }

        void Write(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    output.Append('{');
                    for (int i = 0; i < obj.Properties.Count; i++)
                    {
                        Space();
                        output.Append(text, obj.Properties[i].NameSpan.Start, obj.Properties[i].NameSpan.Length);
                        Space();
                        output.Append(':');
                        Space();
                        Write(obj.Properties[i].Value);
                        Space();
                        if (i < obj.Properties.Count - 1)
                        {
                            output.Append(',');
                        }
                    }

                    Space();
                    output.Append('}');
                    break;
                case JsonArray array:
                    output.Append('[');
                    for (int i = 0; i < array.Items.Count; i++)
                    {
                        Space();
                        Write(array.Items[i]);
                        Space();
                        if (i < array.Items.Count - 1)
                        {
                            output.Append(',');
                        }
                    }

                    output.Append(']');
                    break;
                default:
                    output.Append(text, node.Span.Start, node.Span.Length);
                    break;
            }
        }
    }

    /// <summary>The values as a string: kinds, names in order, and the exact text of every scalar; no layout.</summary>
    private static string Tree(string text)
    {
        var root = JsonParser.Parse(new SourceText("x.json", text), new DiagnosticBag())!;
        var output = new StringBuilder();
        Walk(root);
        return output.ToString();

        void Walk(JsonNode node)
        {
            switch (node)
            {
                case JsonObject obj:
                    output.Append('{');
                    foreach (var property in obj.Properties)
                    {
                        output.Append(text, property.NameSpan.Start, property.NameSpan.Length).Append(':');
                        Walk(property.Value);
                        output.Append(',');
                    }

                    output.Append('}');
                    break;
                case JsonArray array:
                    output.Append('[');
                    foreach (var item in array.Items)
                    {
                        Walk(item);
                        output.Append(',');
                    }

                    output.Append(']');
                    break;
                default:
                    output.Append(text, node.Span.Start, node.Span.Length);
                    break;
            }
        }
    }

    /// <summary>What the library compiled with one file replaced says: its diagnostics without positions, its versions and designations, and every golden case's result.</summary>
    private static string Compiled(string path, string text)
    {
        var files = new Dictionary<string, string>(ShippedLibrary.Files, StringComparer.Ordinal) { [path] = text };
        var result = LibraryCompiler.Compile(LibraryFiles.FromMemory(files));
        var output = new StringBuilder();
        foreach (var d in result.Diagnostics)
        {
            output.Append(d.Id).Append(' ').Append(d.Message).Append('\n');
        }

        if (result.Library is { } library)
        {
            output.Append(library.Versions.Count).Append(" versions, ").Append(library.Designations.Count).Append(" designations\n");
            foreach (var outcome in GoldenCaseRunner.Run(new PowersEngine(library)))
            {
                output.Append(outcome.Case.Name).Append(": ").Append(string.Join("; ", outcome.Failures)).Append('\n');
            }
        }

        return output.ToString();
    }
}
