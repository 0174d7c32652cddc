using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class SymbolAndLensTests
{
    [Fact]
    public async Task DocumentSymbol_RuleSet_ListsPowersWithTheirClauses()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t);
        await using (client)
        using (library)
        {
            var symbols = await client.RequestAsync<DocumentSymbol[]>("textDocument/documentSymbol", new DocumentSymbolParams(new TextDocumentIdentifier(uri)));

            var power = Assert.Single(symbols);
            Assert.Equal("stop-search-authorised-area", power.Name);
            Assert.Equal(12, power.Kind);
            Assert.Equal(
                ["s47a-authorisation", "confirmed-within-48-hours", "within-14-days", "constable-in-company", "vehicles-and-items-only", "constable-in-uniform", "police-area"],
                power.Children!.Select(c => c.Name));
            _ = markup;
        }
    }

    [Fact]
    public async Task CodeLens_PowerOfAVersion_ShowsTheOutcomeOfAGoldenCaseAsTheCaseExpects()
    {
        var (library, client, _, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t);
        await using (client)
        using (library)
        {
            var lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(uri)));

            var lens = Assert.Single(lenses);
            Assert.Equal(20, lens.Range.Start.Line); // the "stop-search-authorised-area" key
            Assert.Matches("^(permitted|denied|undetermined|not-designated|not-in-force) in case '.+' \\(as expected\\)$", lens.Command!.Title);
            Assert.Equal("powers.openLocation", lens.Command.Command);
        }
    }
}
