using System.CommandLine;
using System.Diagnostics;
using System.Net;
using Powers.Workbench;

namespace Powers.Cli.Commands;

/// <summary><c>powers workbench</c>: the rule library in the browser, served on loopback by this tool.</summary>
internal static class WorkbenchCommand
{
    public static Command Create(CliConsole console)
    {
        var rules = new Option<string?>("--rules") { Description = "The rule library folder to edit (the one holding facts.json; default: ./rules, or the current folder if it holds facts.json).", HelpName = "DIR" };
        var port = new Option<int>("--port") { Description = "The port (default: a free one, printed on start).", HelpName = "N" };
        var open = new Option<bool>("--open") { Description = "Open the address in the default browser." };
        var listen = new Option<string?>("--listen") { Description = "Listen on this address instead of 127.0.0.1 (only with --token).", HelpName = "ADDRESS" };
        var token = new Option<string?>("--token") { Description = "A secret every request must carry (required with --listen); the printed address carries it.", HelpName = "TOKEN" };
        var command = new Command("workbench", "Serve a workbench for the rule library in the browser, on 127.0.0.1: edit the files with the language server's diagnostics and quick fixes, try a situation, read a power's timeline and diffs, run the golden cases and assertions, print a card. Runs until Ctrl+C; exit code 2 on bad input.")
        {
            rules, port, open, listen, token,
        };
        command.SetAction(parse => Run(console, parse.GetValue(rules), parse.GetValue(port), parse.GetValue(open), parse.GetValue(listen), parse.GetValue(token)));
        return command;
    }

    private static int Run(CliConsole console, string? rules, int port, bool open, string? listen, string? token)
    {
        string? directory = rules ?? (File.Exists("facts.json") ? "." : File.Exists(Path.Combine("rules", "facts.json")) ? "rules" : null);
        if (directory is null)
        {
            console.Error.WriteLine("powers: bad input: --rules: no rule library here (no rules/facts.json or facts.json); give the folder with --rules DIR");
            return ExitCodes.BadInput;
        }

        if (!File.Exists(Path.Combine(directory, "facts.json")))
        {
            console.Error.WriteLine("powers: bad input: --rules: '" + Text.ControlCharacters.Escape(directory) + "' holds no facts.json, so it is not a rule library");
            return ExitCodes.BadInput;
        }

        if (port is < 0 or > 65535)
        {
            console.Error.WriteLine("powers: bad input: --port: " + port + " is not a port (0 to 65535)");
            return ExitCodes.BadInput;
        }

        IPAddress address = IPAddress.Loopback;
        if (listen is not null && !IPAddress.TryParse(listen, out address!))
        {
            console.Error.WriteLine("powers: bad input: --listen: '" + Text.ControlCharacters.Escape(listen) + "' is not an IP address");
            return ExitCodes.BadInput;
        }

        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(token))
        {
            console.Error.WriteLine("powers: bad input: --listen " + listen + " needs --token: anyone who can reach that address could edit the rules");
            return ExitCodes.BadInput;
        }

        if (!FrontEnd.HasBundle)
        {
            console.Error.WriteLine("powers: " + FrontEnd.Missing);
            return ExitCodes.Failure;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        WorkbenchServer server;
        try
        {
            server = WorkbenchServer.StartAsync(new WorkbenchOptions { RulesDirectory = directory, Address = address, Port = port, Token = token }, console.Error, stop.Token).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            console.Error.WriteLine("powers: cannot listen on " + address + ":" + port + ": " + e.Message);
            return ExitCodes.Failure;
        }

        console.Out.WriteLine("Powers workbench for " + Path.GetFullPath(directory) + " at " + server.Address);
        console.Out.WriteLine("Press Ctrl+C to stop.");
        console.Out.Flush();
        if (open)
        {
            try
            {
                Process.Start(new ProcessStartInfo(server.Address.ToString()) { UseShellExecute = true })?.Dispose();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                console.Error.WriteLine("powers: could not open a browser (" + e.Message + "); open the address above");
            }
        }

        try
        {
            server.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }

        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return ExitCodes.Success;
    }
}
