using System.Runtime.InteropServices;

namespace Powers.Compilation;

/// <summary>
/// Tells a regular file from a FIFO, socket or device without opening it (opening a FIFO blocks). .NET has no
/// public API for the file type, so on Linux this asks statx(2), whose buffer layout is the same on every
/// architecture (linux/stat.h: <c>stx_mode</c> is the 16-bit field at offset 28). Elsewhere every file counts as regular.
/// </summary>
internal static class EntryKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;

    /// <summary>The kind of <paramref name="path"/>, following symbolic links.</summary>
    public static EntryKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return System.IO.Directory.Exists(path) ? EntryKind.Directory : EntryKind.Regular;
        }

        var buffer = new byte[StatxBufferSize];
        int result;
        try
        {
            byte[] utf8 = new byte[System.Text.Encoding.UTF8.GetByteCount(path) + 1];
            System.Text.Encoding.UTF8.GetBytes(path, utf8);
            result = Statx(AtFdCwd, utf8, 0, StatxType, buffer);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return System.IO.Directory.Exists(path) ? EntryKind.Directory : EntryKind.Regular;
        }

        if (result != 0)
        {
            // Missing or unreadable: opening it reports the reason.
            return EntryKind.Regular;
        }

        int mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
        return mode switch
        {
            0x4000 => EntryKind.Directory,
            0x1000 => EntryKind.Fifo,
            0x2000 => EntryKind.CharacterDevice,
            0x6000 => EntryKind.BlockDevice,
            0xC000 => EntryKind.Socket,
            _ => EntryKind.Regular,
        };
    }

    /// <summary>How a diagnostic names the kind.</summary>
    public static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Fifo => "a FIFO (named pipe)",
        EntryKind.CharacterDevice => "a character device",
        EntryKind.BlockDevice => "a block device",
        EntryKind.Socket => "a socket",
        EntryKind.Directory => "a directory",
        _ => "a regular file",
    };

    // DllImport, not LibraryImport: the source-generated form needs unsafe code, and these arguments are blittable.
#pragma warning disable SYSLIB1054 // Use LibraryImport: it would require AllowUnsafeBlocks in the core for one call.
    [DllImport("libc", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directoryFd, byte[] nullTerminatedPath, int flags, uint mask, [Out] byte[] buffer);
#pragma warning restore SYSLIB1054
}
