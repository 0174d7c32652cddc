using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class HoverTests
{
    [Fact]
    public async Task Hover_FactInWhen_ShowsTypeAndMeaningOverTheToken()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constable$$InCompany|]\""));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.Equal("markdown", hover.Contents.Kind);
            Assert.Equal("**constableInCompany**: fact, bool\n\nA constable is present, accompanying and supervising the CSO.", hover.Contents.Value);
            LspAssert.RangeIs(markup, 0, hover.Range!);
        }
    }

    [Fact]
    public async Task Hover_EnumValueInWhen_NamesItsFactAndValues()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("terrorismAuthorisation == 's47a'", "terrorismAuthorisation == 's4$$7a'"));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.Equal("'s47a': a value of **terrorismAuthorisation** ('none', 's44', 's47a')", hover.Contents.Value);
        }
    }

    [Fact]
    public async Task Hover_PowerInRuleSet_ShowsCitationInThatVersion()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"stop-search-authorised-area\": {", "\"stop-search-$$authorised-area\": {"));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.Contains("Cite: Police Reform Act 2002, Sch. 4, para. 15 (as amended by Protection of Freedoms Act 2012, Sch. 9, para. 30)", hover.Contents.Value, StringComparison.Ordinal);
            Assert.Contains("Confidence: low", hover.Contents.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hover_Clause_ShowsCitationConfidenceAndNote()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"id\": \"constable-in-company\"", "\"id\": \"constable-$$in-company\""));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.StartsWith("**clause constable-in-company**: `constableInCompany`", hover.Contents.Value, StringComparison.Ordinal);
            Assert.Contains("Confidence: low", hover.Contents.Value, StringComparison.Ordinal);
            Assert.Contains("Note: Enacted text of para. 15 NOT FOUND.", hover.Contents.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hover_ExtendsTarget_ShowsTitleAndEffectiveRange()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"extends\": \"2011-03-18\"", "\"extends\": \"2011-$$03-18\""));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.Equal("**pra2002-sch4@2011-03-18**: Police Reform Act 2002, Sch. 4 Part 1, while TA 2000 ss.44-47 are treated as repealed (SI 2011/631)\n\nIn force: 2011-03-18 to 2012-07-09", hover.Contents.Value);
        }
    }

    [Fact]
    public async Task Hover_IncludeTarget_ShowsTitleAndEffectiveRange()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-safer-neighbourhood.json",
            t => t.Mark("\"include\": [\"met-pcso-base\"]", "\"include\": [\"met-pcso-$$base\"]"));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.StartsWith("**met-pcso-base**: ", hover.Contents.Value, StringComparison.Ordinal);
            Assert.Contains("Force: metropolitan", hover.Contents.Value, StringComparison.Ordinal);
            Assert.Contains("In effect: ", hover.Contents.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Hover_PropertyName_ShowsSchemaDescription()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"revision\": 1", "\"revi$$sion\": 1"));
        await using (client)
        using (library)
        {
            var hover = await client.RequestAsync<Hover>("textDocument/hover", Session.At(uri, markup));

            Assert.Equal("**revision**: Revision number, 1 or more; bump it when this version is corrected.", hover.Contents.Value);
        }
    }
}
