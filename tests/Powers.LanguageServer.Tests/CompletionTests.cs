using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class CompletionTests
{
    [Fact]
    public async Task Completion_FactPrefixInWhen_OffersMatchingFactsReplacingTheWholeWord()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constable$$InCompany|]\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            var item = Assert.Single(list.Items);
            Assert.Equal("constableInCompany", item.Label);
            Assert.Equal("fact: bool", item.Detail);
            Assert.Equal("constableInCompany", item.TextEdit!.NewText);
            LspAssert.RangeIs(markup, 0, item.TextEdit.Range);
            Assert.True(list.IsIncomplete);
        }
    }

    [Theory]
    [InlineData("minu")]
    [InlineData("MINU")]
    public async Task Completion_PartialNameInWhen_OffersOnlyNamesStartingWithIt(string typed)
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform and [|" + typed + "$$|]\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            var item = Assert.Single(list.Items);
            Assert.Equal("minutesDetained", item.Label);
            Assert.Equal("minutesDetained", item.TextEdit!.NewText);
            LspAssert.RangeIs(markup, 0, item.TextEdit.Range);
        }
    }

    [Fact]
    public async Task Completion_KeywordPrefixInWhen_OffersKeywordAndFactsStartingWithIt()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform [|o$$|]\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(["or"], list.Items.Select(i => i.Label));
            LspAssert.RangeIs(markup, 0, list.Items[0].TextEdit!.Range);
        }
    }

    [Fact]
    public async Task Completion_NothingTypedInWhen_OffersEveryFactKeywordAndOperator()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform $$\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.False(list.IsIncomplete);
            Assert.Equal(17 + 6 + 6, list.Items.Count);
            Assert.All(list.Items, i => Assert.NotNull(i.TextEdit));
        }
    }

    [Fact]
    public async Task Completion_PartialPropertyName_OffersOnlyMatchingProperties()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"id\": \"constable-in-uniform\",", "\"id\": \"constable-in-uniform\", \"[|c$$|]\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(["cite", "confidence"], list.Items.Select(i => i.Label).Order(StringComparer.Ordinal));
            LspAssert.RangeIs(markup, 0, list.Items[0].TextEdit!.Range);
        }
    }

    [Fact]
    public async Task Completion_InsideEnumLiteral_OffersTheFactsValues()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("terrorismAuthorisation == 's47a'", "terrorismAuthorisation == '[|s$$47a|]'"));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(["s44", "s47a"], list.Items.Select(i => i.Label).Order(StringComparer.Ordinal));
            LspAssert.RangeIs(markup, 0, list.Items[0].TextEdit!.Range);
        }
    }

    [Fact]
    public async Task Completion_InInclude_OffersDesignationIds()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-safer-neighbourhood.json",
            t => t.Mark("\"include\": [\"met-pcso-base\"]", "\"include\": [\"met-$$pcso-base\"]"));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(10, list.Items.Count);
            Assert.Contains(list.Items, i => i.Label == "met-2002-security");
        }
    }

    [Fact]
    public async Task Completion_InDesignationPowers_OffersThePowerCatalogue()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-2002-community.json",
            t => t.Mark("\"powers\": [\"require-name-and-address\"", "\"powers\": [\"$$require-name-and-address\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(8, list.Items.Count);
            Assert.Contains(list.Items, i => i.Label == "stop-search-authorised-area");
        }
    }

    [Fact]
    public async Task Completion_NewPropertyInClause_OffersSchemaProperties()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"id\": \"constable-in-uniform\",", "\"id\": \"constable-in-uniform\", \"$$\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            Assert.Equal(["cite", "confidence", "id", "note", "text", "when"], list.Items.Select(i => i.Label).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Completion_InsideGranted_OffersThePowerCatalogue()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform and granted('[|road-$$|]')\""));
        await using (client)
        using (library)
        {
            var list = await client.RequestAsync<CompletionList>("textDocument/completion", Session.At(uri, markup));

            var item = Assert.Single(list.Items);
            Assert.Equal("road-check", item.Label);
            LspAssert.RangeIs(markup, 0, item.TextEdit!.Range);
        }
    }
}
