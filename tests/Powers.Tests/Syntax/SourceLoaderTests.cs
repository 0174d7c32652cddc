using Powers.Diagnostics;
using Powers.Syntax;
using Powers.TestSupport;

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

    [Fact]
    public void ReadCapped_ShortStream_ReadsAll()
    {
        byte[] bytes = SourceLoader.ReadCapped(new MemoryStream([1, 2, 3]));
        Assert.Equal([1, 2, 3], bytes);
    }

    [Fact]
    public void ReadCapped_StreamOfExactlyTheLimit_ReadsAllAndIsNotTooLarge()
    {
        byte[] bytes = SourceLoader.ReadCapped(new MemoryStream(new byte[SourceLoader.MaxFileBytes]));
        Assert.Equal(SourceLoader.MaxFileBytes, bytes.Length);
    }

    [Fact]
    public void ReadCapped_EndlessStream_StopsJustPastTheLimit()
    {
        byte[] bytes = SourceLoader.ReadCapped(new EndlessStream());
        Assert.InRange(bytes.Length, SourceLoader.MaxFileBytes + 1, SourceLoader.MaxFileBytes + (1 << 20));
    }

    /// <summary>A stream that never ends, like a device file; reading it whole would never return.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => count;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
