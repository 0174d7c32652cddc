using System.Runtime.InteropServices;

namespace Powers.Cli.Terminal;

/// <summary>
/// A standard descriptor (0, 1, 2) read and written with read(2) and write(2) on Unix. System.Console's own streams set
/// the terminal up on first use and write keypad-transmit codes (ESC[?1h ESC=) to standard output, even when that is a
/// file; a <see cref="FileStream"/> on a file descriptor writes at its own offset (pwrite), so output from commands run
/// one after another into one file would overwrite itself. write(2) uses the descriptor's shared offset, as a shell expects.
/// </summary>
internal sealed partial class DescriptorStream(int descriptor, FileAccess access) : Stream
{
    private const int Interrupted = 4;   // EINTR
    private const int BrokenPipe = 32;   // EPIPE: the reader has gone (powers list | head); the rest is dropped, as System.Console does

    private bool _readerGone;

    public override bool CanRead => access == FileAccess.Read;

    public override bool CanSeek => false;

    public override bool CanWrite => access == FileAccess.Write;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (true)
        {
            nint n = ReadDescriptor(descriptor, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (n >= 0)
            {
                return (int)n;
            }

            int error = Marshal.GetLastPInvokeError();
            if (error != Interrupted)
            {
                throw new IOException("cannot read standard input (errno " + error + ")");
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty && !_readerGone)
        {
            nint n = WriteDescriptor(descriptor, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
            if (n >= 0)
            {
                buffer = buffer[(int)n..];
                continue;
            }

            int error = Marshal.GetLastPInvokeError();
            if (error == BrokenPipe)
            {
                _readerGone = true;
            }
            else if (error != Interrupted)
            {
                throw new IOException("cannot write to descriptor " + descriptor + " (errno " + error + ")");
            }
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadDescriptor(int fd, ref byte buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint WriteDescriptor(int fd, ref byte buffer, nuint count);
}
