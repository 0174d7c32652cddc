using System.Reflection;

namespace Powers.Hosting.Tests.TestSupport;

/// <summary>A private copy of the repository's rules/ in a temporary directory, deleted on dispose.</summary>
public sealed class RulesDirectory : IDisposable
{
    /// <summary>The rule set version that extends the chain in force in 2013 (its uniform clause is inherited).</summary>
    public const string ChainFile = "pra2002/2003-04-01.json";

    /// <summary>The designation the tests query.</summary>
    public const string DesignationFile = "designations/met-2002-security.json";

    /// <summary>The version in force on the query date.</summary>
    public const string InForceFile = "pra2002/2012-07-10.json";

    /// <summary>A query answered differently by each variant of the library.</summary>
    public const string Query = """{"date":"2013-03-01","designation":"met-2002-security","facts":{"inUniform":true,"inPoliceArea":true,"constableInCompany":true,"roadCheckAuthorised":true,"riskToLifeOrLimb":true}}""";

    public static string Repository { get; } = System.IO.Path.GetFullPath(
        typeof(RulesDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RulesDirectory").Value!);

    public RulesDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "powers-rules-" + Guid.NewGuid().ToString("N"));
        foreach (string file in Directory.EnumerateFiles(Repository, "*", SearchOption.AllDirectories))
        {
            string target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(Repository, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public static string Original(string relative) => File.ReadAllText(System.IO.Path.Combine(Repository, relative));

    /// <summary>Variant B of the chain file: the uniform clause inverted, so in-uniform powers are denied.</summary>
    public static string ChainB() => ReplaceOnce(Original(ChainFile), "\"when\": \"inUniform\"", "\"when\": \"not inUniform\"");

    /// <summary>Variant B of the designation: detention taken away.</summary>
    public static string DesignationB() => ReplaceOnce(Original(DesignationFile), "\"detain-pending-constable\",", string.Empty);

    /// <summary>The in-force version with an unknown fact (a binding error).</summary>
    public static string InForceUnknownFact() => ReplaceOnce(Original(InForceFile), "\"when\": \"", "\"when\": \"inUniformm and ");

    /// <summary>The in-force version cut in half (malformed JSON).</summary>
    public static string InForceTruncated()
    {
        string text = Original(InForceFile);
        return text[..(text.Length / 2)];
    }

    public void Write(string relative, string text) => File.WriteAllText(System.IO.Path.Combine(Path, relative), text);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static string ReplaceOnce(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new InvalidOperationException("'" + find + "' not found");
        }

        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
