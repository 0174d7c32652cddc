using Powers.Text;

namespace Powers.Tests.Text;

public class LocationTests
{
    [Fact]
    public void ToString_SpanOnSecondLine_IsPathLineColumnAsMsBuildPrintsIt()
    {
        var location = new Location(new SourceText("rules/pra2002/2012-07-10.json", "{\n  \"x\": 1\n}"), new TextSpan(4, 3));

        Assert.Equal("rules/pra2002/2012-07-10.json(2,3)", location.ToString());
    }

    [Fact]
    public void LinePositionToString_IsLineCommaColumnInParentheses()
    {
        Assert.Equal("(12,345)", new LinePosition(12, 345).ToString());
    }
}
