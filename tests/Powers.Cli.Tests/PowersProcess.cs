using System.Diagnostics;

namespace Powers.Cli.Tests;

/// <summary>The real program in its own process, with its own working directory: exit code and streams as a shell sees them.</summary>
public static class PowersProcess
{
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "Powers.Cli.dll");

    public static (int Code, string Out, string Error) Run(string workingDirectory, string stdin, params string[] args) =>
        RunAs([], workingDirectory, stdin, args);

    /// <summary>Runs powers behind <paramref name="prefix"/> (a program and its arguments, e.g. setpriv), or directly.</summary>
    public static (int Code, string Out, string Error) RunAs(string[] prefix, string workingDirectory, string stdin, params string[] args)
    {
        var info = new ProcessStartInfo(prefix.Length > 0 ? prefix[0] : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (string p in prefix.Skip(1).Concat(prefix.Length > 0 ? ["dotnet"] : []))
        {
            info.ArgumentList.Add(p);
        }

        info.ArgumentList.Add(Dll);
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Wait(info, stdin);
    }

    /// <summary>Starts a prepared process, writes its standard input, and waits at most a minute for it.</summary>
    public static (int Code, string Out, string Error) Wait(ProcessStartInfo info, string stdin)
    {
        ArgumentNullException.ThrowIfNull(info);
        using var process = Process.Start(info)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "powers did not exit within 60 s");
        return (process.ExitCode, output.Result, error.Result);
    }
}
