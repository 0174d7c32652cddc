using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class DefinitionTests
{
    [Fact]
    public async Task Definition_FactInWhen_GoesToFactsJson()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"constableInCompany\"", "\"when\": \"constable$$InCompany\""));
        await using (client)
        using (library)
        {
            var locations = await client.RequestAsync<LspLocation[]>("textDocument/definition", Session.At(uri, markup));

            var location = Assert.Single(locations);
            Assert.Equal(library.UriOf("facts.json"), location.Uri);
            var facts = Markup.Parse(library.Read("facts.json").Mark("\"constableInCompany\": {", "[|\"constableInCompany\"|]: {"));
            LspAssert.RangeIs(facts, 0, location.Range);
        }
    }

    [Fact]
    public async Task Definition_Extends_GoesToTheVersion()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"extends\": \"2011-03-18\"", "\"extends\": \"$$2011-03-18\""));
        await using (client)
        using (library)
        {
            var locations = await client.RequestAsync<LspLocation[]>("textDocument/definition", Session.At(uri, markup));

            var location = Assert.Single(locations);
            Assert.Equal(library.UriOf("pra2002/2011-03-18.json"), location.Uri);
            var target = Markup.Parse(library.Read("pra2002/2011-03-18.json").Mark("\"version\": \"2011-03-18\"", "\"version\": [|\"2011-03-18\"|]"));
            LspAssert.RangeIs(target, 0, location.Range);
        }
    }

    [Fact]
    public async Task Definition_PowerInDesignation_GoesToPowerCatalogue()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-2002-community.json",
            t => t.Mark("\"entry-to-save-life\"]", "\"entry-to-$$save-life\"]"));
        await using (client)
        using (library)
        {
            var locations = await client.RequestAsync<LspLocation[]>("textDocument/definition", Session.At(uri, markup));

            var location = Assert.Single(locations);
            Assert.Equal(library.UriOf("powers.json"), location.Uri);
        }
    }

    [Fact]
    public async Task References_Include_FindsEveryDesignationIncludingIt()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-pcso-base.json",
            t => t.Mark("\"designation\": \"met-pcso-base\"", "\"designation\": \"met-$$pcso-base\""));
        await using (client)
        using (library)
        {
            var locations = await client.RequestAsync<LspLocation[]>("textDocument/references",
                new ReferenceParams(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup), new ReferenceContext(false)));

            var expected = Directory.GetFiles(library.PathOf("designations"))
                .Where(f => File.ReadAllText(f).Contains("\"met-pcso-base\"]", StringComparison.Ordinal))
                .Select(f => new Uri(f).AbsoluteUri)
                .Order(StringComparer.Ordinal);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, locations.Select(l => l.Uri).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Definition_PowerInGranted_GoesToPowerCatalogue()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform and granted('road-$$check')\""));
        await using (client)
        using (library)
        {
            var locations = await client.RequestAsync<LspLocation[]>("textDocument/definition", Session.At(uri, markup));

            var location = Assert.Single(locations);
            Assert.Equal(library.UriOf("powers.json"), location.Uri);
            var powers = Markup.Parse(library.Read("powers.json").Mark("\"id\": \"road-check\"", "\"id\": [|\"road-check\"|]"));
            LspAssert.RangeIs(powers, 0, location.Range);
        }
    }
}
