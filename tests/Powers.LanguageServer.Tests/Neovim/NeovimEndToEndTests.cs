namespace Powers.LanguageServer.Tests.Neovim;

/// <summary>A real editor: headless Neovim's own LSP client attaches <c>powers lsp</c> (the built tool, a real process).</summary>
public sealed class NeovimEndToEndTests
{
    [NeovimFact]
    public void Neovim_MisspelledFact_DiagnosticAtTheTokenAndHoverAndDefinitionWork()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        var markup = Markup.Parse(library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constablePresnt|]\""));
        File.WriteAllText(library.PathOf(relative), markup.Text);
        string work = Directory.CreateTempSubdirectory("powers-nvim-").FullName;
        try
        {
            var result = NeovimRunner.Run(library.PathOf(relative), library.Root, work);

            Assert.False(result.TryGetProperty("error", out var error), error.ToString());
            var diagnostic = Assert.Single(result.GetProperty("diagnostics").EnumerateArray());
            var (line, column) = markup.PositionOf(markup.Spans[0].Start);
            Assert.Equal(48, line); // in the frozen library the token is at line 49, column 20 (1-based)
            Assert.Equal(19, column);
            Assert.Equal(line, diagnostic.GetProperty("lnum").GetInt32());
            Assert.Equal(column, diagnostic.GetProperty("col").GetInt32());
            Assert.Equal(column + "constablePresnt".Length, diagnostic.GetProperty("end_col").GetInt32());
            Assert.Equal("Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?", diagnostic.GetProperty("message").GetString());

            Assert.StartsWith("**inUniform**: fact, bool", result.GetProperty("hover").GetString(), StringComparison.Ordinal);
            var definition = result.GetProperty("definition");
            Assert.Equal(library.UriOf("facts.json"), definition.GetProperty("uri").GetString());
            var facts = Markup.Parse(library.Read("facts.json").Mark("\"inUniform\": {", "[|\"inUniform\"|]: {"));
            Assert.Equal(facts.PositionOf(facts.Spans[0].Start).Line, definition.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
