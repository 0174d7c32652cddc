using Powers.LanguageServer.Protocol;

namespace Powers.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    private const string Version2012 = "pra2002/2012-07-10.json";

    [Fact]
    public async Task DidOpen_MisspelledFactInWhen_ReportsUnknownFactAtTheToken()
    {
        using var library = new TestLibrary();
        var markup = Markup.Parse(library.Read(Version2012).Replace("\"when\": \"constableInCompany\"", "\"when\": \"[|constablePresnt|]\"", StringComparison.Ordinal));
        await using var client = await LspTestClient.StartAsync(library.Root);

        await client.OpenAsync(library.UriOf(Version2012), markup.Text);
        var published = await client.DiagnosticsAsync(library.UriOf(Version2012), 1);

        var errors = published.Diagnostics.Where(d => d.Severity == 1).ToList();
        var error = Assert.Single(errors);
        Assert.Equal("PWR0201", error.Code);
        Assert.Equal("powers", error.Source);
        Assert.Equal("Unknown fact 'constablePresnt'; did you mean 'constableInCompany'?", error.Message);
        LspAssert.RangeIs(markup, 0, error.Range);
    }

    [Fact]
    public async Task DidChange_FactCorrected_ErrorCleared()
    {
        using var library = new TestLibrary();
        string good = library.Read(Version2012);
        string bad = good.Replace("\"when\": \"constableInCompany\"", "\"when\": \"constablePresnt\"", StringComparison.Ordinal);
        await using var client = await LspTestClient.StartAsync(library.Root);
        await client.OpenAsync(library.UriOf(Version2012), bad);
        Assert.Contains((await client.DiagnosticsAsync(library.UriOf(Version2012), 1)).Diagnostics, d => d.Code == "PWR0201");

        await client.ChangeAsync(library.UriOf(Version2012), 2, good);
        var after = await client.DiagnosticsAsync(library.UriOf(Version2012), 2);

        Assert.DoesNotContain(after.Diagnostics, d => d.Severity == 1);
    }

    [Fact]
    public async Task DidChange_PowerRenamedInCatalogue_ReportsInDesignationsNotOpen()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string powers = library.Read("powers.json");
        await client.OpenAsync(library.UriOf("powers.json"), powers);
        await client.DiagnosticsAsync(library.UriOf("powers.json"), 1);

        await client.ChangeAsync(library.UriOf("powers.json"), 2, powers.Replace("\"id\": \"entry-to-save-life\"", "\"id\": \"entry-to-save-lives\"", StringComparison.Ordinal));

        // met-2002-community designates entry-to-save-life; it is not open, yet its error is published.
        var designation = await client.DiagnosticsAsync(library.UriOf("designations/met-2002-community.json"), p => p.Diagnostics.Any(d => d.Severity == 1));
        Assert.True(designation.Diagnostics.Any(d => d.Code == "PWR0206" && d.Message == "Unknown power 'entry-to-save-life'; did you mean 'entry-to-save-lives'?"), LspAssert.Describe(designation.Diagnostics));
    }

    [Fact]
    public async Task DidChange_ExtendsCycle_RelatedInformationPointsAtTheOtherVersion()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf("pra2002/2011-03-18.json");
        string text = library.Read("pra2002/2011-03-18.json").Replace("\"extends\": \"2007-12-01\"", "\"extends\": \"2012-07-10\"", StringComparison.Ordinal);

        await client.OpenAsync(uri, text);
        var published = await client.DiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "PWR0306"));

        var cycle = published.Diagnostics.First(d => d.Code == "PWR0306");
        var related = Assert.Single(cycle.RelatedInformation ?? []);
        Assert.Equal(library.UriOf(Version2012), related.Location.Uri);
        Assert.Equal(3, related.Location.Range.Start.Line); // "version": "2012-07-10" is on the fourth line
    }

    [Fact]
    public async Task DidOpen_ShippedLibrary_NoErrors()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        await client.OpenAsync(library.UriOf(Version2012), library.Read(Version2012));

        var published = await client.DiagnosticsAsync(library.UriOf(Version2012), 1);

        Assert.True(published.Diagnostics.All(d => d.Severity != 1), LspAssert.Describe(published.Diagnostics));
        Assert.Contains(published.Diagnostics, d => d.Code == "PWR0403" && d.Severity == 3);
    }

    [Fact]
    public async Task DidChange_IncludeCycle_RelatedInformationPointsAtTheIncludedDesignation()
    {
        using var library = new TestLibrary();
        await using var client = await LspTestClient.StartAsync(library.Root);
        string uri = library.UriOf("designations/met-pcso-base.json");
        var markup = Markup.Parse(library.Read("designations/met-pcso-base.json").Mark("\"designation\": \"met-pcso-base\",", "\"designation\": \"met-pcso-base\",\n  \"include\": [[|\"met-safer-neighbourhood\"|]],"));

        await client.OpenAsync(uri, markup.Text);
        var published = await client.DiagnosticsAsync(uri, p => p.Diagnostics.Any(d => d.Code == "PWR0305"));

        var cycle = published.Diagnostics.First(d => d.Code == "PWR0305");
        LspAssert.RangeIs(markup, 0, cycle.Range);
        var related = Assert.Single(cycle.RelatedInformation ?? []);
        Assert.Equal(library.UriOf("designations/met-safer-neighbourhood.json"), related.Location.Uri);
        Assert.Equal("'met-safer-neighbourhood' is defined here", related.Message);
    }
}
