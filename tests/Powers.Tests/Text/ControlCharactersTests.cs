using Powers.Text;

namespace Powers.Tests.Text;

public class ControlCharactersTests
{
    [Theory]
    [InlineData("plain 'name' é", "plain 'name' é")]
    [InlineData("x\nrules/a.json(1,1): error PWR0000: forged", "x\\nrules/a.json(1,1): error PWR0000: forged")]
    [InlineData("a\rb\tc\u001b[31md", "a\\rb\\tc\\u001B[31md")]
    [InlineData("\u0085\u2028\u202Eevil", "\\u0085\\u2028\\u202Eevil")]
    public void Escape_Text_ControlCharactersWrittenAsEscapes(string text, string expected)
    {
        Assert.Equal(expected, ControlCharacters.Escape(text));
    }
}
