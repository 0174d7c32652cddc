namespace Powers.Diagnostics;

/// <summary>
/// What each diagnostic means and how to fix it: the full description that SARIF viewers and GitHub code scanning
/// show, and the catalogue in <c>docs/diagnostics.md</c> (a test writes it from the descriptors and this, and fails when they differ).
/// </summary>
internal static class DiagnosticHelp
{
    /// <summary>Where the catalogue of diagnostics is published, <c>docs/diagnostics.md</c> in the repository; each entry has the anchor of its id (<c>#PWR0201</c>).</summary>
    public const string CatalogueUri = "https://github.com/powers-contributors/powers/blob/main/docs/diagnostics.md";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["PWR0001"] = "A file or folder of the rule library cannot be read. Check that it exists and that the process may read it.",
        ["PWR0002"] = "Rule files must be UTF-8. Save the file as UTF-8; a byte order mark is allowed.",
        ["PWR0003"] = "A rule file is larger than the compiler accepts, which protects every host that loads the library. Split the content or remove what is not law.",
        ["PWR0004"] = "The file is not valid JSON (RFC 8259). Fix the character or token the diagnostic points at; comments and trailing commas are not JSON.",
        ["PWR0005"] = "The JSON ends before a value is complete. Close the open string, array or object.",
        ["PWR0006"] = "A property appears twice in one object, so one of them would be silently lost. Keep one.",
        ["PWR0007"] = "The object has a property the format does not define, often a typo. Use the suggested name, or remove it.",
        ["PWR0008"] = "A property has the wrong JSON type, for example a number where a string is expected. Use the type the message names.",
        ["PWR0009"] = "A required property is missing. Add it.",
        ["PWR0010"] = "The JSON is nested deeper than the compiler accepts. Flatten it.",
        ["PWR0011"] = "A value is not one the format accepts here, such as a malformed date or an unknown confidence. Use a value the message suggests.",
        ["PWR0012"] = "A string is longer than the compiler accepts. Shorten it.",
        ["PWR0013"] = "A file sits where the library does not look for rule files, so it is ignored. Move it, or remove it.",
        ["PWR0014"] = "The library lacks one of its catalogue files (facts.json, powers.json, forces.json). Add it.",
        ["PWR0015"] = "The library exceeds a limit of the compiler, such as the number of files. Reduce it.",
        ["PWR0016"] = "A rule file is a FIFO, socket or device, which could block or never end, so it is not opened. Replace it with a regular file, or remove it.",
        ["PWR0017"] = "A folder of the rules directory cannot be listed (no permission, an I/O error), so the rule files in it would silently be missing. Make it readable by the process.",
        ["PWR0018"] = "A symbolic link leads outside the rules directory, so a deployment could not swap it with the library. Copy the file into the directory, or link within it.",
        ["PWR0019"] = "A symbolic link leads to a folder that is already read, so it is skipped instead of read forever. Remove the link.",
        ["PWR0020"] = "A trusted key is configured, so the library must carry the manifest and signature that 'powers sign' writes, and one is missing. Sign the library (powers sign DIR --key KEY.pem) and deploy both files with it.",
        ["PWR0021"] = "The signature file is malformed, uses another algorithm than ES256, asks for a header member that is not honoured, or does not match the manifest (one of the two was changed after signing). Sign the library again with a trusted key.",
        ["PWR0022"] = "The signature names a key that is not among the trusted keys (by its thumbprint or its file name). Sign with a trusted key, or add the signer's public key to the trusted keys.",
        ["PWR0023"] = "A rule file is not in the signed manifest, so it was added after the library was signed and nobody vouches for it. Remove it, or sign the library again.",
        ["PWR0024"] = "A rule file the signed manifest lists is gone, so the library is not the one that was signed. Restore it, or sign the library again.",
        ["PWR0025"] = "A rule file differs from the signed manifest in size or SHA-256 (an edit, a truncation, or a link swapped to another file), so it is not the file that was signed. Restore it, or sign the library again.",
        ["PWR0026"] = "The manifest is validly signed but is not a version 1 manifest (unknown members, unsafe paths, files listed twice). Sign the library again with 'powers sign'.",
        ["PWR0101"] = "A character that is not part of the expression language. Remove it, or quote a value with single quotes.",
        ["PWR0102"] = "The expression has a token where another was expected. The message says what was expected.",
        ["PWR0103"] = "Parentheses or 'not' are nested deeper than the language accepts. Simplify the expression.",
        ["PWR0104"] = "The expression is longer than the language accepts. Split the condition into several clauses.",
        ["PWR0105"] = "A 'value' literal has no closing quote. Add it.",
        ["PWR0106"] = "An integer literal does not fit in 32 bits. Use a smaller number.",
        ["PWR0107"] = "A 'when' is empty. Write the condition, or 'true'.",
        ["PWR0108"] = "Syntax from other languages (&&, =, double quotes, calls other than granted('power-id') and designated('power-id')) is not part of the closed expression language. Use the form the message suggests.",
        ["PWR0201"] = "A name in an expression is not a fact of facts.json. Use the suggested fact, or add the fact to facts.json with its meaning.",
        ["PWR0202"] = "An operator is applied to values of types it does not accept, such as '<' on a bool. Compare values of one type.",
        ["PWR0203"] = "A 'value' is not one of the enum fact's values. Use one of the values the message lists.",
        ["PWR0204"] = "A 'when' must be a condition (true or false), not an integer or an enum value. Compare it with something.",
        ["PWR0205"] = "A 'value' literal has no enum fact to take its type from. Compare it with an enum fact.",
        ["PWR0206"] = "A power id is not in powers.json. Use the suggested id, or add the power to the catalogue.",
        ["PWR0207"] = "A force id is not in forces.json. Use the suggested id.",
        ["PWR0208"] = "A fact's type is not bool, int or enum. Use one of those.",
        ["PWR0210"] = "A comparison or 'in' has a condition as an operand, such as (a and b) == false, which reads ambiguously. Compare facts with values, and combine conditions with 'and', 'or' and 'not'.",
        ["PWR0211"] = "A clause compares two whole-number facts, such as cordonAgeDays < authorisationAgeHours. Deciding is unaffected, but what would permit an undetermined power ('permittedIf') can no longer be searched for one class of constants at a time: the search may need billions of steps, so it stops at the analysis budget and says so instead of answering. Compare each fact with constants where the law allows it.",
        ["PWR0301"] = "Two entries share an id, so one would hide the other. Rename or remove one.",
        ["PWR0302"] = "Two versions of one rule set family are in force on the same day, so a date would not select one law. Make the ranges meet without overlapping.",
        ["PWR0304"] = "A designation includes a designation that does not exist. Use the suggested id.",
        ["PWR0305"] = "Designations include each other in a cycle. Break the cycle.",
        ["PWR0306"] = "Rule set versions extend each other in a cycle. Break the cycle.",
        ["PWR0307"] = "A version named by 'extends', 'preserve' or a query does not exist in the family. Use the suggested version.",
        ["PWR0308"] = "A designation confers a power that no version in force during the designation's range confers on CSOs, so it will always be decided not-in-force. Check the designation and the law.",
        ["PWR0309"] = "An effective range ends before it starts. Swap or correct the dates.",
        ["PWR0310"] = "A 'remove' names something the version does not inherit, so it does nothing. Remove the entry, or give the removal as an object with its 'cite' to record a power never commenced.",
        ["PWR0311"] = "Two clauses of one power share an id (general clauses included), so an explanation could not tell them apart. Rename one.",
        ["PWR0312"] = "No version of the family is in force between two versions, so every power is not-in-force then. Close the gap if the law did not lapse.",
        ["PWR0314"] = "A golden case's query is not a valid query document. Fix the field the message names.",
        ["PWR0315"] = "A power's 'requires' names itself or leads back to it. Remove the cycle.",
        ["PWR0316"] = "A power of the catalogue is conferred by no version of the library. Add it to a version, or say in law.md why it never was.",
        ["PWR0317"] = "A standard power is not conferred by the version that lists it. Add it to 'powers' or remove it from 'standard'.",
        ["PWR0318"] = "An assertion must say what it forbids or allows with exactly one of 'never' or 'only', a list of outcomes. Keep one of the two.",
        ["PWR0319"] = "A version named by 'extends', 'preserve' or a golden case's 'ruleset' is missing because its own file has errors. Fix the errors the message points at; this diagnostic then goes away.",
        ["PWR0401"] = "A rule has no citation. Cite the provision it comes from, with a short quote where the text settles a point.",
        ["PWR0402"] = "A clause has no text. Say in plain words what must hold; decisions show it.",
        ["PWR0403"] = "A rule rests on a reading marked low confidence. Listed so a legal reviewer can find them all; the note says what would settle it.",
        ["PWR0404"] = "A rule is marked low confidence without a note. Say what is uncertain and what would settle it.",
        ["PWR0405"] = "A golden case has no citation justifying its expected outcomes. Cite the source.",
    };

    /// <summary>The full description of a diagnostic id, or null when the catalogue has none.</summary>
    public static string? Describe(string id) => Descriptions.GetValueOrDefault(id);

    /// <summary>The rule's name as a PascalCase identifier, from its title ("File cannot be read" gives FileCannotBeRead).</summary>
    public static string Name(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        var name = new System.Text.StringBuilder(descriptor.Title.Length);
        bool upper = true;
        foreach (char c in descriptor.Title)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }

    /// <summary>The address of a diagnostic's entry in the published catalogue.</summary>
    public static Uri HelpUri(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return new Uri(CatalogueUri + "#" + descriptor.Id);
    }
}
