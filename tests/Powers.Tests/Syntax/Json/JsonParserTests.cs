using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.TestSupport;
using Powers.Text;

namespace Powers.Tests.Syntax.Json;

public class JsonParserTests
{
    private static (JsonNode? Node, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var bag = new DiagnosticBag();
        var node = JsonParser.Parse(new SourceText("f.json", text), bag);
        return (node, bag.ToSortedList());
    }

    [Fact]
    public void Parse_Object_KeepsSpansOfValues()
    {
        var (node, diagnostics) = Parse("{ \"a\": [1, true, null], \"b\": \"x\\ny\" }");
        Assert.Empty(diagnostics);
        var obj = Assert.IsType<JsonObject>(node);
        var a = Assert.IsType<JsonArray>(obj.Find("a")!.Value);
        Assert.Equal(new TextSpan(7, 15), a.Span);
        var b = Assert.IsType<JsonString>(obj.Find("b")!.Value);
        Assert.Equal("x\ny", b.Value);
    }

    [Fact]
    public void Parse_ByteOrderMarkAtStart_Ignored()
    {
        // RFC 8259, section 8.1: a parser may ignore a byte order mark; text decoded without stripping it keeps U+FEFF.
        var (node, diagnostics) = Parse("\uFEFF{\"a\": 1}");

        Assert.Empty(diagnostics);
        Assert.Equal(new TextSpan(1, 8), Assert.IsType<JsonObject>(node).Span);
    }

    [Fact]
    public void Parse_ByteOrderMarkInside_MalformedJson()
    {
        var (node, diagnostics) = Parse("{\uFEFF\"a\": 1}");

        Assert.Null(node);
        Assert.Equal("PWR0004", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void SourceOffset_AfterEscape_MapsToFilePosition()
    {
        // The value is  a"b  ; its third character 'b' sits after the two-character escape.
        var (node, _) = Parse("\"a\\\"b\"");
        var s = Assert.IsType<JsonString>(node);
        Assert.Equal("a\"b", s.Value);
        Assert.Equal(1, s.SourceOffset(0));
        Assert.Equal(2, s.SourceOffset(1));
        Assert.Equal(4, s.SourceOffset(2));
    }

    [Fact]
    public void Parse_DuplicateProperty_ReportsSecondAndKeepsFirst()
    {
        var (node, diagnostics) = Parse("{\n  \"a\": 1,\n  \"a\": 2\n}");
        DiagnosticAssert.Verify(diagnostics, new ExpectedDiagnostic("PWR0006", "f.json", 3, 3, "\"a\"", "Duplicate property 'a'; the first one is at (2,3)"));
        var number = Assert.IsType<JsonNumber>(((JsonObject)node!).Find("a")!.Value);
        Assert.Equal("1", number.Text);
    }

    [Theory]
    [InlineData("{ \"a\": 1, }", "PWR0004", 1, 11, "Malformed JSON: expected a property name after ',' (trailing commas are not allowed) but found '}'")]
    [InlineData("[1, 2,]", "PWR0004", 1, 7, "Malformed JSON: expected a value after ',' (trailing commas are not allowed)")]
    [InlineData("{ \"a\": 1 // note\n}", "PWR0004", 1, 10, "Malformed JSON: expected ',' or '}' but found '/' (comments are not allowed in JSON)")]
    [InlineData("{ 'a': 1 }", "PWR0004", 1, 3, "Malformed JSON: expected a property name in double quotes but found ''' (strings need double quotes)")]
    [InlineData("{ \"a\": tru }", "PWR0004", 1, 8, "Malformed JSON: expected a value but found 'tru'")]
    [InlineData("\"bad \\q escape\"", "PWR0004", 1, 6, "Malformed JSON: unknown escape '\\q'")]
    [InlineData("{} {}", "PWR0004", 1, 4, "Malformed JSON: unexpected '{' after the end of the document")]
    [InlineData("", "PWR0005", 1, 1, "Unexpected end of file: the file holds no JSON value")]
    public void Parse_Malformed_ReportsPosition(string text, string id, int line, int column, string message)
    {
        var (node, diagnostics) = Parse(text);
        Assert.Null(node);
        DiagnosticAssert.Verify(diagnostics, new ExpectedDiagnostic(id, "f.json", line, column, Message: message));
    }

    [Fact]
    public void Parse_Truncated_ReportsEndOfFile()
    {
        var (node, diagnostics) = Parse("{\n  \"ruleset\": \"pra2002-sch4\",\n  \"powers\": {");
        Assert.Null(node);
        DiagnosticAssert.Verify(diagnostics, new ExpectedDiagnostic("PWR0005", "f.json", 3, 14, Message: "Unexpected end of file: the object opened at (3,13) is not closed"));
    }

    [Fact]
    public void Parse_HundredThousandDeep_ReportsDepthWithoutOverflow()
    {
        string text = new string('[', 100_000) + new string(']', 100_000);
        var (node, diagnostics) = Parse(text);
        Assert.Null(node);
        DiagnosticAssert.Verify(diagnostics, new ExpectedDiagnostic("PWR0010", "f.json", 1, JsonParser.MaxDepth + 1, "[", "JSON is nested more than 64 levels deep"));
    }

    [Theory]
    [InlineData("-")]
    [InlineData("1.")]
    [InlineData("\"\\u12")]
    [InlineData("{\"a\"")]
    public void Parse_ErrorAtEnd_SpanStaysInsideFile(string text)
    {
        var (node, diagnostics) = Parse(text);
        Assert.Null(node);
        var location = Assert.Single(diagnostics).Location!.Value;
        Assert.InRange(location.Span.Start, 0, text.Length);
        Assert.InRange(location.Span.End, location.Span.Start, text.Length);
    }

    [Fact]
    public void Parse_ControlCharacterInString_IsError()
    {
        var (node, diagnostics) = Parse("\"a\tb\"");
        Assert.Null(node);
        Assert.Equal("PWR0004", Assert.Single(diagnostics).Id);
    }
}
