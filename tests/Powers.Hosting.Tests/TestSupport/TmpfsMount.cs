using System.Diagnostics;

namespace Powers.Hosting.Tests.TestSupport;

/// <summary>
/// A small tmpfs mounted on a fresh directory: a disk that really fills up, or a read-only one, even for root
/// (chmod does not deny root). Needs root and mount rights, as the tests and CI have; unmounted on dispose.
/// </summary>
public sealed class TmpfsMount : IDisposable
{
    private TmpfsMount(string path) => Path = path;

    public string Path { get; }

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes; <paramref name="readOnly"/> mounts it read-only.</summary>
    public static TmpfsMount Create(int bytes, bool readOnly = false)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "powers-tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        string options = "size=" + bytes + (readOnly ? ",ro" : string.Empty);
        string error = Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        if (error.Length > 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException("These tests need root and the right to mount a tmpfs (CI runs as root): " + error);
        }

        return new TmpfsMount(path);
    }

    /// <summary>Fills the disk with a file named <paramref name="name"/> until a write fails for lack of space.</summary>
    public void Fill(string name = "filler")
    {
        using var stream = new FileStream(System.IO.Path.Combine(Path, name), FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var block = new byte[512];
        try
        {
            while (true)
            {
                stream.Write(block);
            }
        }
        catch (IOException)
        {
            // The disk is full.
        }
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? string.Empty : file + " exited with " + process.ExitCode + ": " + error.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return file + ": " + e.Message;
        }
    }
}
