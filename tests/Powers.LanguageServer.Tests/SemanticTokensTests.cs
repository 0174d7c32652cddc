using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class SemanticTokensTests
{
    private static readonly string[] Types = ["variable", "enumMember", "operator", "keyword", "number", "function", "string"];

    [Fact]
    public async Task SemanticTokens_WhenExpression_ClassifiesEveryToken()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t.Mark(
            "\"when\": \"inUniform\"",
            "\"when\": \"not inUniform and (authorisationAgeHours < 48 or granted('road-check')) and searchOf in ['vehicle', 'item-carried'] and true\""));
        await using (client)
        using (library)
        {
            var tokens = Decode(markup.Text, await client.RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", new SemanticTokensParams(new TextDocumentIdentifier(uri))));

            int line = markup.Text[..markup.Text.IndexOf("\"when\": \"not inUniform", StringComparison.Ordinal)].Count(c => c == '\n');
            Assert.Equal(
                [
                    "not keyword", "inUniform variable", "and keyword", "authorisationAgeHours variable", "< operator", "48 number", "or keyword",
                    "granted function", "'road-check' string", "and keyword", "searchOf variable", "in keyword", "'vehicle' enumMember",
                    "'item-carried' enumMember", "and keyword", "true keyword",
                ],
                tokens.Where(t => t.Line == line).Select(t => t.Text + " " + t.Type));
        }
    }

    [Fact]
    public async Task SemanticTokens_EveryWhenOfTheFile_InDocumentOrderAndNothingElse()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t);
        await using (client)
        using (library)
        {
            var tokens = Decode(markup.Text, await client.RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", new SemanticTokensParams(new TextDocumentIdentifier(uri))));

            Assert.Equal(
                [
                    "terrorismAuthorisation variable", "== operator", "'s47a' enumMember",
                    "authorisationAgeHours variable", "< operator", "48 number", "or keyword", "authorisationConfirmed variable",
                    "authorisationAgeHours variable", "< operator", "336 number",
                    "constableInCompany variable",
                    "searchOf variable", "in keyword", "'vehicle' enumMember", "'item-carried' enumMember",
                    "inUniform variable",
                    "inPoliceArea variable",
                ],
                tokens.Select(t => t.Text + " " + t.Type));
        }
    }

    [Fact]
    public async Task SemanticTokens_EscapedQuotes_CoverTheEscapesInTheFile()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t.Mark(
            "\"when\": \"terrorismAuthorisation == 's47a'\"", "\"when\": \"terrorismAuthorisation == \\u0027s47a\\u0027\""));
        await using (client)
        using (library)
        {
            var tokens = Decode(markup.Text, await client.RequestAsync<SemanticTokens>("textDocument/semanticTokens/full", new SemanticTokensParams(new TextDocumentIdentifier(uri))));

            Assert.Equal(["terrorismAuthorisation variable", "== operator", "\\u0027s47a\\u0027 enumMember"], tokens.Take(3).Select(t => t.Text + " " + t.Type));
        }
    }

    [Fact]
    public async Task Initialize_Capabilities_DeclareTheSemanticTokensLegend()
    {
        using var library = new TestLibrary();
        await using var raw = await RawLspConnection.StartAsync(library.Root);

        Assert.Equal(
            "{\"legend\":{\"tokenTypes\":[\"variable\",\"enumMember\",\"operator\",\"keyword\",\"number\",\"function\",\"string\"],\"tokenModifiers\":[]},\"full\":true}",
            raw.Capabilities.GetProperty("semanticTokensProvider").GetRawText());
    }

    /// <summary>The tokens as absolute (line, text, type), from the relative five-integer encoding.</summary>
    private static List<(int Line, string Text, string Type)> Decode(string text, SemanticTokens tokens)
    {
        string[] lines = text.Split('\n');
        var result = new List<(int, string, string)>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < tokens.Data.Count; i += 5)
        {
            character = tokens.Data[i] == 0 ? character + tokens.Data[i + 1] : tokens.Data[i + 1];
            line += tokens.Data[i];
            Assert.Equal(0, tokens.Data[i + 4]);
            result.Add((line, lines[line].Substring(character, tokens.Data[i + 2]), Types[tokens.Data[i + 3]]));
        }

        return result;
    }
}
