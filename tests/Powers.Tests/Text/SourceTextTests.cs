using Powers.Text;

namespace Powers.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("ab\ncd", 0, 1, 1)]
    [InlineData("ab\ncd", 2, 1, 3)]
    [InlineData("ab\ncd", 3, 2, 1)]
    [InlineData("ab\r\ncd", 4, 2, 1)]
    [InlineData("ab\r\ncd", 3, 1, 3)] // between CR and LF: the end of line 1, not one past it
    [InlineData("ab\r\ncd", 2, 1, 3)]
    [InlineData("a\rb", 2, 2, 1)]
    [InlineData("ab", 2, 1, 3)]
    [InlineData("ab", 99, 1, 3)]
    public void GetLinePosition_Offset_IsOneBased(string text, int offset, int line, int column)
    {
        var source = new SourceText("f.json", text);
        Assert.Equal(new LinePosition(line, column), source.GetLinePosition(offset));
    }

    [Fact]
    public void GetText_SpanBeyondEnd_IsClamped()
    {
        var source = new SourceText("f.json", "abc");
        Assert.Equal("bc", source.GetText(new TextSpan(1, 50)));
    }

    [Theory]
    [InlineData("ab\ncd", 1, 1, 0)]
    [InlineData("ab\ncd", 2, 2, 4)]
    [InlineData("ab\ncd", 1, 99, 2)]
    [InlineData("ab\r\ncd", 1, 99, 2)]
    [InlineData("ab\r\ncd", 2, 1, 4)]
    [InlineData("ab\ncd", 0, 5, 0)]
    [InlineData("ab\ncd", 9, 1, 5)]
    [InlineData("", 1, 1, 0)]
    public void GetOffset_LineAndColumn_ClampedToTheLine(string text, int line, int column, int offset)
    {
        Assert.Equal(offset, new SourceText("f.json", text).GetOffset(new LinePosition(line, column)));
    }
}
