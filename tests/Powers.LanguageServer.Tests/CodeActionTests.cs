using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class CodeActionTests
{
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
