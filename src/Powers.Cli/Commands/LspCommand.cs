using System.CommandLine;
using Powers.LanguageServer;

namespace Powers.Cli.Commands;

/// <summary><c>powers lsp</c>: the language server for rule files, on standard input and output.</summary>
internal static class LspCommand
{
    public static Command Create(CliConsole console)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over standard input and output (the default and only transport; accepted because editors pass it)." };
        var command = new Command("lsp", "Run a Language Server Protocol (3.17) server for editing rule files: diagnostics as you type, hover, completion, go to definition, references, quick fixes, outline and code lenses.")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            var options = new LanguageServerOptions { Log = console.Error };
            return LanguageServerHost.RunAsync(input, output, options).GetAwaiter().GetResult();
        });
        return command;
    }
}
