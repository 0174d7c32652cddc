using Powers.Diagnostics;
using Powers.Syntax.Json;
using Powers.Text;

namespace Powers.Tests.Syntax.Json;

/// <summary>The one layout of a rule file (<c>powers fmt</c>; issue 24, item 9).</summary>
public sealed class JsonFormatterTests
{
    [Fact]
    public void Format_CompactDocument_OnePropertyOrItemPerLineTwoSpaces()
    {
        string formatted = JsonFormatter.Format("""{"a":1,"b":[true,null,"x"],"c":{"d":-1.5e3}}""")!;

        Assert.Equal("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"c\": {\n    \"d\": -1.5e3\n  }\n}\n", formatted);
    }

    [Fact]
    public void Format_EmptyContainersCrlfAndTabs_EmptyOnOneLineLfOnly()
    {
        Assert.Equal("{\n  \"a\": {},\n  \"b\": []\n}\n", JsonFormatter.Format("{\r\n\t\"a\" : { },\r\n\t\"b\":[\n]\r\n}\r\n\r\n"));
    }

    [Fact]
    public void Format_EscapesNumbersAndKeyOrder_KeptExactly()
    {
        string text = "{\"z\": \"\\u00e9\\n\\/\", \"a\": 10.50, \"m\": 1E+2}";

        Assert.Equal("{\n  \"z\": \"\\u00e9\\n\\/\",\n  \"a\": 10.50,\n  \"m\": 1E+2\n}\n", JsonFormatter.Format(text));
    }

    [Fact]
    public void Format_ByteOrderMark_Kept()
    {
        Assert.Equal("\uFEFF[\n  1\n]\n", JsonFormatter.Format("\uFEFF[1]"));
    }

    [Theory]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1} // a comment")]
    [InlineData("{\"a\": 1, \"a\": 2}")]
    [InlineData("")]
    [InlineData("[1, 2")]
    public void Format_TextThatDoesNotParse_NullWithTheParsersDiagnostic(string text)
    {
        var diagnostics = new DiagnosticBag();

        Assert.Null(JsonFormatter.Format(new SourceText("x.json", text), diagnostics));
        Assert.True(diagnostics.HasErrors);
        Assert.Null(JsonFormatter.Format(text));
    }

    [Fact]
    public void Format_DeepestNestingAccepted_FormatsWithoutOverflow()
    {
        string text = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);

        string formatted = JsonFormatter.Format(text)!;

        Assert.Equal(formatted, JsonFormatter.Format(formatted));
    }

    [Fact]
    public void Format_EveryShippedRuleFile_IsAlreadyInTheLayout()
    {
        string rules = TestSupport.RepositoryRules.Directory;
        var differ = Directory.GetFiles(rules, "*.json", SearchOption.AllDirectories)
            .Where(path => JsonFormatter.Format(File.ReadAllText(path)) != File.ReadAllText(path))
            .Select(path => Path.GetRelativePath(rules, path))
            .ToList();

        Assert.Empty(differ);
    }
}
