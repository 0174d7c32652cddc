namespace Powers.Tests.TestSupport;

/// <summary>Edits to test texts.</summary>
internal static class TextEdits
{
    /// <summary>The text with the first occurrence of <paramref name="find"/> replaced; fails the test if absent.</summary>
    public static string ReplaceFirst(this string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, "'" + find + "' not found");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
