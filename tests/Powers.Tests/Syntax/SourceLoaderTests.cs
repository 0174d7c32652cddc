using Powers.Diagnostics;
using Powers.Syntax;
using Powers.TestSupport;
using Powers.Tests.TestSupport;

namespace Powers.Tests.Syntax;

public class SourceLoaderTests
{
    [Fact]
    public void Decode_InvalidUtf8_ReportsByteAndPosition()
    {
        var bag = new DiagnosticBag();
        byte[] bytes = [.. "{\n  \"a\": \""u8, 0xC3, 0x28, .. "\"\n}"u8];
        var source = SourceLoader.Decode("f.json", bytes, bag);
        Assert.Null(source);
        DiagnosticAssert.Verify(bag.ToSortedList(), new ExpectedDiagnostic("PWR0002", "f.json", 2, 9, "", "The file is not valid UTF-8 (byte 0xC3 at byte offset 10)"));
    }

    [Fact]
    public void Decode_ByteOrderMark_IsSkipped()
    {
        var bag = new DiagnosticBag();
        var source = SourceLoader.Decode("f.json", [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], bag);
        Assert.Equal("{}", source!.Text);
        Assert.Equal(0, bag.Count);
    }

    [Fact]
    public void Decode_TooLarge_ReportsLimit()
    {
        var bag = new DiagnosticBag();
        var source = SourceLoader.Decode("f.json", new byte[SourceLoader.MaxFileBytes + 1], bag);
        Assert.Null(source);
        Assert.Equal("PWR0003", Assert.Single(bag.ToSortedList()).Id);
    }
}
