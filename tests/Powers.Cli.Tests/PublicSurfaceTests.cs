using System.Reflection;

namespace Powers.Cli.Tests;

/// <summary>
/// The tool and the language server inside it are applications: nothing in them is public (CA1515 holds the line type
/// by type; this checks the assemblies as shipped, each with an empty PublicAPI.Shipped.txt).
/// </summary>
public sealed class PublicSurfaceTests
{
    [Fact]
    public void ExportedTypes_OfTheTool_AreNone()
    {
        Assert.Empty(typeof(PowersCli).Assembly.GetExportedTypes());
    }

    [Fact]
    public void ExportedTypes_OfTheLanguageServer_AreNone()
    {
        var languageServer = Assembly.Load(new AssemblyName("Powers.LanguageServer"));

        Assert.Empty(languageServer.GetExportedTypes());
    }
}
