namespace Powers.Cli;

/// <summary>The examples that end each command's <c>--help</c>; a test parses every one, so none can drift from the options.</summary>
internal static class CommandExamples
{
    /// <summary>Examples by command name; the empty name is the root.</summary>
    public static IReadOnlyDictionary<string, string[]> All { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [string.Empty] =
        [
            "powers query --date 2013-03-01 --designation met-2002-security --fact inUniform=true --fact inPoliceArea=true",
            "powers check rules",
            "powers query --help",
        ],
        ["query"] =
        [
            "powers query --date 2013-03-01 --designation met-2002-security --fact inUniform=true --fact inPoliceArea=true --fact terrorismAuthorisation=s47a",
            "powers query --date 2013-03-01 --designation met-2002-security --fact inUniform=true --power stop-search-authorised-area --verbose",
            "powers query --date 2015-06-01 --force kent --grant road-check,cordon --fact inUniform=true --format json",
            "powers query --input query.json",
            "powers query --input queries.ndjson --format outcomes",
            "powers query --input query.json --format json --detail reasons",
        ],
        ["check"] =
        [
            "powers check rules",
            "powers check rules --severity info",
            "powers check rules --format sarif --output powers.sarif",
            "powers check rules --trusted-key powers-signing.pub.pem",
        ],
        ["fmt"] = ["powers fmt rules", "powers fmt rules --check"],
        ["sign"] = ["powers sign rules --key powers-signing.pem", "powers sign rules --key powers-signing.pem --key-id 2026-07"],
        ["test"] = ["powers test rules", "powers test rules --verbose"],
        ["list"] = ["powers list", "powers list --rules rules"],
        ["export"] = ["powers export --format rulesengine --date 2013-03-01 --designation met-2002-security --output workflow.json"],
        ["replay"] =
        [
            "powers replay decisions.ndjson",
            "powers replay decisions.ndjson --rules corrected-rules --format json",
            "powers replay --connection \"Host=127.0.0.1;Username=powers;Database=powers\" --rules corrected-rules",
        ],
        ["verify"] = ["powers verify rules", "powers verify --rules rules --verbose"],
        ["diff"] =
        [
            "powers diff --from 2004-12-22 --to 2004-12-23 --force kent --format markdown",
            "powers diff --from 2013-03-01 --rules rules --to-rules proposed-rules",
            "powers diff --power stop-search-authorised-area --timeline",
        ],
        ["lsp"] = ["powers lsp --stdio"],
        ["workbench"] = ["powers workbench", "powers workbench --rules rules --port 5080 --open"],
        ["completion"] = ["powers completion bash >> ~/.bashrc", "powers completion zsh >> ~/.zshrc", "powers completion pwsh >> $PROFILE"],
    };

    /// <summary>Writes the examples of a command, with a heading, as the last section of its help.</summary>
    public static void Write(TextWriter w, string command)
    {
        if (!All.TryGetValue(command, out var examples))
        {
            return;
        }

        w.WriteLine("Examples:");
        foreach (string example in examples)
        {
            w.WriteLine("  " + example);
        }

        w.WriteLine();
    }
}
