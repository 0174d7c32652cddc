using System.Text.RegularExpressions;
using Powers.Compilation;
using Powers.LanguageServer.Protocol;
using StreamJsonRpc;

namespace Powers.LanguageServer.Tests;

public sealed class RenameTests
{
    [Fact]
    public async Task PrepareRename_FactInWhen_GivesTheNameAndItsRange()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2002-12-02.json",
            t => t.Mark("\"when\": \"roadCheckAuthorised\"", "\"when\": \"[|road$$CheckAuthorised|]\""));
        await using (client)
        using (library)
        {
            var result = await client.RequestAsync<PrepareRenameResult>("textDocument/prepareRename", Session.At(uri, markup));

            Assert.Equal("roadCheckAuthorised", result.Placeholder);
            LspAssert.RangeIs(markup, 0, result.Range);
        }
    }

    [Fact]
    public async Task PrepareRename_PowerInDesignation_GivesTheRangeInsideTheQuotes()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("designations/met-roads-policing.json",
            t => t.Mark("\"powers\": [\"road-check\"", "\"powers\": [\"[|road-$$check|]\""));
        await using (client)
        using (library)
        {
            var result = await client.RequestAsync<PrepareRenameResult>("textDocument/prepareRename", Session.At(uri, markup));

            Assert.Equal("road-check", result.Placeholder);
            LspAssert.RangeIs(markup, 0, result.Range);
        }
    }

    [Fact]
    public async Task Rename_Fact_EditsEveryFileThatNamesItAndTheLibraryStillCompiles()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2002-12-02.json",
            t => t.Mark("\"when\": \"roadCheckAuthorised\"", "\"when\": \"road$$CheckAuthorised\""));
        await using (client)
        using (library)
        {
            var edit = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup), "roadCheckInForce"));

            // Every textual occurrence in the library (facts.json, versions, cases, assertions, the schema) is a
            // reference to the fact, so the rename must be exactly a whole-word replace in each file.
            AssertRenamed(library, edit, new Regex(@"\broadCheckAuthorised\b"), "roadCheckInForce",
                ["assertions/pra2002.json", "cases/bill.json", "cases/cordon-entry-road.json", "cases/designations.json", "cases/timeline.json", "facts.json",
                 "pra2002/2002-12-02.json", "pra2002/2004-07-01.json", "pra2002/2017-12-15.json", "pra2002/bill-2002-04-25.json", "schema/cases.schema.json"]);
        }
    }

    [Fact]
    public async Task Rename_PowerFromGranted_EditsEveryFileThatNamesItAndTheLibraryStillCompiles()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json",
            t => t.Mark("\"when\": \"inUniform\"", "\"when\": \"inUniform or granted('road-$$check')\""));
        await using (client)
        using (library)
        {
            var edit = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup), "road-check-pace"));

            // "road-check-with-constable" (a restriction) and "road-check-only-when-authorised" (an assertion) are other ids.
            Assert.Contains(edit.Changes[uri], e => e.NewText == "road-check-pace");
            File.WriteAllText(library.PathOf("pra2002/2012-07-10.json"), markup.Text);
            AssertRenamed(library, edit, new Regex("(?<![a-z0-9-])road-check(?![a-z0-9-])"), "road-check-pace",
                ["assertions/pra2002.json", "cases/bill.json", "cases/cordon-entry-road.json", "cases/designations.json", "cases/timeline.json",
                 "designations/met-2002-security.json", "designations/met-commercial-vehicle-unit.json", "designations/met-reassurance-tasking.json",
                 "designations/met-roads-policing.json", "powers.json", "pra2002/2002-12-02.json", "pra2002/2004-07-01.json", "pra2002/2007-12-01.json",
                 "pra2002/2012-07-10.json", "pra2002/2017-12-15.json", "pra2002/bill-2002-04-25.json",
                 "schema/cases.schema.json", "schema/designation.schema.json", "schema/ruleset.schema.json"]);
        }
    }

    [Fact]
    public async Task Rename_PowerInARemovalObject_EditsItAndTheCatalogue()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2011-03-18.json", t => t.Mark(
            "\"powers\": [\"stop-search-authorised-area\"]",
            "\"powers\": [{ \"power\": \"[|stop-search-$$authorised-area|]\", \"cite\": \"Terrorism Act 2000 (Remedial) Order 2011\" }]"));
        await using (client)
        using (library)
        {
            var edit = await client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup), "stop-search-area"));

            var here = Assert.Single(edit.Changes[uri]);
            Assert.Equal("stop-search-area", here.NewText);
            LspAssert.RangeIs(markup, 0, here.Range);
            Assert.Single(edit.Changes[library.UriOf("powers.json")]);
        }
    }

    [Theory]
    [InlineData("\"id\": \"constable-in-[|$$|]uniform\"", "x", "Only a fact or a power id can be renamed; 'constable-in-uniform' is a clause id")]
    [InlineData("terrorismAuthorisation == 's4$$7a'", "x", "Only a fact or a power id can be renamed; 's47a' is an enum value")]
    [InlineData("\"when\": \"constable$$InCompany\"", "inUniform", "'inUniform' is already a fact (facts.json(4,5))")]
    [InlineData("\"when\": \"constable$$InCompany\"", "constable in company", "'constable in company' is not a fact name: it must start with a lower-case letter and have only letters and digits, like 'inUniform'")]
    [InlineData("\"when\": \"constable$$InCompany\"", "and", "'and' is a word of the when-expression language and cannot name a fact")]
    [InlineData("\"when\": \"constable$$InCompany\"", "Constable", "'Constable' is not a fact name: it must start with a lower-case letter and have only letters and digits, like 'inUniform'")]
    [InlineData("\"stop-search-$$authorised-area\": {", "Stop_Search", "'Stop_Search' is not a power id: it must be lower-case letters and digits, in words joined by single hyphens, like 'road-check'")]
    [InlineData("\"stop-search-$$authorised-area\": {", "road-check", "'road-check' is already a power (powers.json(25,13))")]
    [InlineData("\"when\": \"constable$$InCompany\"", "", "'' is not a fact name: it must start with a lower-case letter and have only letters and digits, like 'inUniform'")]
    public async Task Rename_NotAllowed_RefusedWithAClearMessage(string at, string newName, string message)
    {
        string find = at.Replace("$$", string.Empty, StringComparison.Ordinal).Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t.Mark(find, at));
        await using (client)
        using (library)
        {
            var rename = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
                client.RequestAsync<WorkspaceEdit>("textDocument/rename", new RenameParams(new TextDocumentIdentifier(uri), LspAssert.Cursor(markup), newName)));

            Assert.Equal(message, rename.Message);
            Assert.Equal(-32803, rename.ErrorCode);
        }
    }

    [Fact]
    public async Task PrepareRename_PropertyName_RefusedWithAClearMessage()
    {
        var (library, client, markup, uri) = await Session.OpenAsync("pra2002/2012-07-10.json", t => t.Mark("\"title\":", "\"ti$$tle\":"));
        await using (client)
        using (library)
        {
            var prepare = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync<PrepareRenameResult>("textDocument/prepareRename", Session.At(uri, markup)));

            Assert.Equal("Only a fact or a power id can be renamed; 'title' is a property name", prepare.Message);
        }
    }

    [Fact]
    public async Task Initialize_Capabilities_DeclareRenameWithPrepare()
    {
        using var library = new TestLibrary();
        await using var raw = await RawLspConnection.StartAsync(library.Root);

        Assert.Equal("{\"prepareProvider\":true}", raw.Capabilities.GetProperty("renameProvider").GetRawText());
    }

    /// <summary>Applies the edit to the library's files and checks each file became the whole-word replace of its text, and that it compiles.</summary>
    private static void AssertRenamed(TestLibrary library, WorkspaceEdit edit, Regex old, string newName, string[] files)
    {
        var expectedFiles = files.Select(library.UriOf).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedFiles, edit.Changes.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach (string relative in files)
        {
            string before = library.Read(relative);
            string after = Apply(before, edit.Changes[library.UriOf(relative)]);
            Assert.Equal(old.Replace(before, newName), after);
            File.WriteAllText(library.PathOf(relative), after);
        }

        var result = LibraryCompiler.CompileDirectory(library.Root);
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Powers.Diagnostics.DiagnosticSeverity.Error);
    }

    private static string Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        var lineStarts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        foreach (var e in edits.OrderByDescending(e => e.Range.Start.Line).ThenByDescending(e => e.Range.Start.Character))
        {
            int start = lineStarts[e.Range.Start.Line] + e.Range.Start.Character;
            int end = lineStarts[e.Range.End.Line] + e.Range.End.Character;
            text = text[..start] + e.NewText + text[end..];
        }

        return text;
    }
}
