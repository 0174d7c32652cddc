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

    [Fact]
    public async Task CodeLens_Assertion_ProvedAsTheLawSays()
    {
        var (library, client, _, uri) = await Session.OpenAsync("assertions/pra2002.json", t => t);
        await using (client)
        using (library)
        {
            var lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(uri)));

            var text = library.Read("assertions/pra2002.json");
            Assert.Equal(text.Split("\"id\":").Length - 1, lenses.Length);
            var person = Markup.Parse(text.Mark("\"id\": \"never-a-search-of-the-person\"", "\"id\": [|\"never-a-search-of-the-person\"|]"));
            var lens = Assert.Single(lenses, l => l.Range.Start.Line == person.PositionOf(person.Spans[0].Start).Line);
            Assert.StartsWith("proved over ", lens.Command!.Title, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CodeLens_AssertionContraryToTheLaw_Refuted()
    {
        // A search of the person is never permitted, so an in-force, designated stop and search of the person is denied:
        // "never denied" must be refuted.
        var (library, client, _, uri) = await Session.OpenAsync("assertions/pra2002.json",
            t => t.Mark("\"when\": \"searchOf == 'person'\",\n      \"never\": [\"permitted\"]", "\"when\": \"searchOf == 'person'\",\n      \"never\": [\"denied\"]"));
        await using (client)
        using (library)
        {
            var lenses = await client.RequestAsync<CodeLens[]>("textDocument/codeLens", new CodeLensParams(new TextDocumentIdentifier(uri)));

            Assert.Single(lenses, l => l.Command!.Title.StartsWith("refuted: stop-search-authorised-area is denied under pra2002-sch4@", StringComparison.Ordinal));
        }
    }
}
