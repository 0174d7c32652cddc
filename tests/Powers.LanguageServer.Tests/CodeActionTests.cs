using System.Text.Json;
using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class CodeActionTests
{
    private static readonly JsonSerializerOptions Camel = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    [Fact]
    public async Task CodeAction_UnknownFactWithSuggestion_ReplacesTheToken()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        var markup = Markup.Parse(library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constablePresnt|]\""));
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, markup.Text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0201");

        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([error])));

        var action = Assert.Single(actions);
        Assert.Equal("Change to 'constableInCompany'", action.Title);
        Assert.Equal("quickfix", action.Kind);
        var edit = Assert.Single(action.Edit.Changes[uri]);
        Assert.Equal("constableInCompany", edit.NewText);
        LspAssert.RangeIs(markup, 0, edit.Range);
    }

    [Fact]
    public async Task Diagnostics_UnknownFactWithSuggestion_CarriesReplacementAndRangeInData()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        var markup = Markup.Parse(library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constablePresnt|]\""));
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, markup.Text);

        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0201");

        var data = SuggestionData.TryRead(error.Data);
        Assert.NotNull(data);
        Assert.Equal("constableInCompany", data.Suggestion);
        Assert.Equal("constableInCompany", data.Replacement);
        LspAssert.RangeIs(markup, 0, data.Range);
        Assert.Equal("{\"suggestion\":\"constableInCompany\",\"replacement\":\"constableInCompany\",\"range\":" + JsonSerializer.Serialize(data.Range, Camel) + "}", error.Data!.Value.GetRawText());
    }

    [Fact]
    public async Task CodeAction_UnknownPropertyWithSuggestion_ReplacesTheQuotedName()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        var markup = Markup.Parse(library.Read(relative).Mark("\"when\": \"constableInCompany\"", "[|\"whenn\"|]: \"constableInCompany\""));
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, markup.Text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0007");

        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([error])));

        var action = Assert.Single(actions);
        Assert.Equal("Change to 'when'", action.Title);
        var edit = Assert.Single(action.Edit.Changes[uri]);
        Assert.Equal("\"when\"", edit.NewText);
        LspAssert.RangeIs(markup, 0, edit.Range);
    }

    [Fact]
    public async Task CodeAction_MessageReworded_StillFixesFromCodeAndData()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        var markup = Markup.Parse(library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"[|constablePresnt|]\""));
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, markup.Text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0201");

        // A client that translates or rewords messages keeps the code and data; the fix must not depend on the English.
        var reworded = error with { Message = "Fait inconnu" };
        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([reworded])));

        var edit = Assert.Single(Assert.Single(actions).Edit.Changes[uri]);
        Assert.Equal("constableInCompany", edit.NewText);
        LspAssert.RangeIs(markup, 0, edit.Range);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("5")]
    [InlineData("{\"suggestion\":\"x\"}")]
    [InlineData("{\"suggestion\":\"x\",\"replacement\":\"x\",\"range\":{\"start\":\"a\"}}")]
    public async Task CodeAction_DidYouMeanMessageWithoutUsableData_OffersNoChange(string? data)
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        string text = library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"constablePresnt\"");
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0201");
        Assert.EndsWith("did you mean 'constableInCompany'?", error.Message, StringComparison.Ordinal);

        var sent = error with { Data = data is null ? null : JsonDocument.Parse(data).RootElement.Clone() };
        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([sent])));

        Assert.Empty(actions);
    }

    [Fact]
    public async Task CodeAction_SuggestionDataOnAnotherCode_OffersNoChange()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        string text = library.Read(relative).Mark("\"when\": \"constableInCompany\"", "\"when\": \"constablePresnt\"");
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0201");

        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([error with { Code = "PWR0204" }])));

        Assert.Empty(actions);
    }

    [Fact]
    public async Task CodeAction_MissingCitation_InsertsAnEmptyCiteAtTheIndentation()
    {
        using var library = new TestLibrary();
        string relative = "pra2002/2012-07-10.json";
        string text = library.Read(relative).Mark("          \"cite\": \"Terrorism Act 2000, s. 47A(2), (3)\",\n", string.Empty);
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf(relative);
        await client.OpenAsync(uri, text);
        var error = (await client.DiagnosticsAsync(uri, 1)).Diagnostics.Single(d => d.Code == "PWR0401");
        Assert.Equal("Power 'stop-search-authorised-area' clause 'constable-in-uniform' has no citation; every rule must cite the provision it comes from", error.Message);

        var actions = await client.RequestAsync<CodeAction[]>("textDocument/codeAction", new CodeActionParams(new TextDocumentIdentifier(uri), error.Range, new CodeActionContext([error])));

        var edit = Assert.Single(Assert.Single(actions).Edit.Changes[uri]);
        Assert.Equal("\n          \"cite\": \"\",", edit.NewText);
        Assert.Equal(error.Range.Start.Line, edit.Range.Start.Line);
        Assert.Equal(error.Range.Start.Character + 1, edit.Range.Start.Character);
    }
}
