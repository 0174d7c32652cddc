namespace Powers.Workbench.Tests;

/// <summary>The browser tests share one Chromium and one server, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<Browser>
{
    public const string Name = "browser";
}
