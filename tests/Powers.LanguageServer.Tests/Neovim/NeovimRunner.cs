using System.Diagnostics;
using System.Text.Json;

namespace Powers.LanguageServer.Tests.Neovim;

/// <summary>Runs headless Neovim with a Lua script that drives its built-in LSP client against <c>powers lsp</c>.</summary>
internal static class NeovimRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string? Find()
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "nvim");
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Opens a file, attaches <c>dotnet Powers.Cli.dll lsp</c>, runs the script's probes and returns what it wrote.</summary>
    public static JsonElement Run(string file, string root, string workDirectory)
    {
        string script = Path.Combine(workDirectory, "probe.lua");
        string output = Path.Combine(workDirectory, "result.json");
        File.WriteAllText(script, Script);
        var info = new ProcessStartInfo(Find()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workDirectory,
        };
        foreach (string a in new[] { "--headless", "--clean", "-n", "-c", "luafile " + script })
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["POWERS_PROBE_FILE"] = file;
        info.Environment["POWERS_PROBE_ROOT"] = root;
        info.Environment["POWERS_PROBE_OUT"] = output;
        info.Environment["POWERS_PROBE_CLI"] = Path.Combine(AppContext.BaseDirectory, "Powers.Cli.dll");
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nvim did not finish in " + Timeout + ": " + stderr.Result);
        }

        Assert.True(File.Exists(output), "nvim wrote no result (exit " + process.ExitCode + "): " + stdout.Result + stderr.Result);
        return JsonDocument.Parse(File.ReadAllText(output)).RootElement.Clone();
    }

    // Neovim 0.7's API: start_client and buf_attach_client (vim.lsp.start came in 0.8), vim.diagnostic.get.
    private const string Script = """
        local file = os.getenv('POWERS_PROBE_FILE')
        local out = os.getenv('POWERS_PROBE_OUT')
        local result = {}
        local function finish()
          local f = io.open(out, 'w')
          f:write(vim.fn.json_encode(result))
          f:close()
          vim.cmd('qall!')
        end
        local ok, err = pcall(function()
          vim.cmd('edit ' .. vim.fn.fnameescape(file))
          local id = vim.lsp.start_client({
            cmd = { 'dotnet', os.getenv('POWERS_PROBE_CLI'), 'lsp' },
            root_dir = os.getenv('POWERS_PROBE_ROOT'),
            name = 'powers',
          })
          vim.lsp.buf_attach_client(0, id)
          vim.wait(60000, function()
            return #vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR }) > 0
          end, 50)
          result.diagnostics = {}
          for _, d in ipairs(vim.diagnostic.get(0, { severity = vim.diagnostic.severity.ERROR })) do
            table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message,
              code = (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or d.code })
          end
          local uri = vim.uri_from_bufnr(0)
          local function at(l, c) return { textDocument = { uri = uri }, position = { line = l, character = c } } end
          local hl = vim.fn.search('"inUniform"', 'n')
          local hc = string.find(vim.fn.getline(hl), 'inUniform') or 0
          local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', at(hl - 1, hc), 20000)
          for _, r in pairs(hover or {}) do
            if r.result then result.hover = r.result.contents.value end
          end
          local def = vim.lsp.buf_request_sync(0, 'textDocument/definition', at(hl - 1, hc), 20000)
          for _, r in pairs(def or {}) do
            if r.result and r.result[1] then result.definition = r.result[1] end
          end
          result.hover_line = hl - 1
        end)
        if not ok then result.error = tostring(err) end
        finish()
        """;
}
