using System.Diagnostics;
using Xunit;

namespace Powers.TestSupport;

/// <summary>Tools a test sets up the file system with (<c>mkfifo</c>, <c>mv -T</c>), run to their end.</summary>
public static class Processes
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> (each one argument, unquoted) and asserts it exits 0.</summary>
    public static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
