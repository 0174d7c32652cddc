namespace Powers.Queries;

/// <summary>
/// The one catalogue of query errors: a query document, an NDJSON line, the hosted service or the command line's
/// flags. A caller matches on <see cref="QueryError.Code"/>, never on the message, whose wording may improve. Codes are
/// stable and never reused; a retired code stays here as a comment (<c>// PQ0000 retired: why</c>). Documented in
/// docs/contract.md ("Query errors"); <c>QueryErrorDescriptorsTests</c> checks the catalogue against the code, the
/// tests and that document.
/// </summary>
internal static class QueryErrorDescriptors
{
    // PQ0001-0099: the document's shape.

    /// <summary>Not JSON, or JSON the reader refuses (too deep, too long a number).</summary>
    public static readonly QueryErrorDescriptor MalformedJson = new("PQ0001", "malformed JSON");

    /// <summary>A value of the wrong JSON type: a number where a date string goes, a string where the facts object goes.</summary>
    public static readonly QueryErrorDescriptor WrongType = new("PQ0002", "a value of the wrong type");

    /// <summary>A property the query format does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownProperty = new("PQ0003", "unknown property");

    /// <summary>A property given twice in one object: ambiguous, so refused.</summary>
    public static readonly QueryErrorDescriptor DuplicateProperty = new("PQ0004", "a property given more than once");

    /// <summary>A required part not given: the designation, an ad-hoc designation's force or powers, the date, a restriction's id, when or text.</summary>
    public static readonly QueryErrorDescriptor Missing = new("PQ0005", "a required value is missing");

    /// <summary>A blank line in NDJSON input.</summary>
    public static readonly QueryErrorDescriptor BlankLine = new("PQ0006", "a blank line");

    // PQ0100-0199: values against the library.

    /// <summary>A date that is not YYYY-MM-DD or not a real day.</summary>
    public static readonly QueryErrorDescriptor InvalidDate = new("PQ0101", "not a date (YYYY-MM-DD)");

    /// <summary>A rule set the library does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownRuleset = new("PQ0102", "unknown rule set");

    /// <summary>A version the rule set does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownRulesetVersion = new("PQ0103", "unknown version of the rule set");

    /// <summary>A date outside the effective range of the version named by <c>ruleset</c>.</summary>
    public static readonly QueryErrorDescriptor DateOutsideRuleset = new("PQ0104", "the date is outside the effective range of the rule set version");

    /// <summary>A stored designation the library does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownDesignation = new("PQ0105", "unknown designation");

    /// <summary>A force the library does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownForce = new("PQ0106", "unknown force");

    /// <summary>A power the library does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownPower = new("PQ0107", "unknown power");

    /// <summary>A fact the library's schema does not have.</summary>
    public static readonly QueryErrorDescriptor UnknownFact = new("PQ0108", "unknown fact");

    /// <summary>A string that is not one of an enum fact's values.</summary>
    public static readonly QueryErrorDescriptor UnknownFactValue = new("PQ0109", "not a value of the fact");

    /// <summary>A number with a fraction or an exponent where a whole number goes.</summary>
    public static readonly QueryErrorDescriptor NotWholeNumber = new("PQ0110", "not a whole number");

    /// <summary>A whole number below the fact's minimum or past 32 bits.</summary>
    public static readonly QueryErrorDescriptor OutOfRange = new("PQ0111", "a number out of range");

    /// <summary>A restriction whose id an earlier restriction of the same designation has.</summary>
    public static readonly QueryErrorDescriptor DuplicateRestrictionId = new("PQ0112", "a restriction id given twice");

    /// <summary>A restriction's <c>when</c> that does not parse or bind (its diagnostic's id is in the message).</summary>
    public static readonly QueryErrorDescriptor InvalidCondition = new("PQ0113", "an invalid restriction condition");

    // PQ0900-0999: the command line (`powers query`, `export`, `diff`).

    /// <summary>Options that cannot be given together, or a format with a detail it does not write.</summary>
    public static readonly QueryErrorDescriptor ConflictingOptions = new("PQ0901", "options that cannot be given together");

    /// <summary>An input file that cannot be read.</summary>
    public static readonly QueryErrorDescriptor InputUnreadable = new("PQ0902", "the input cannot be read");

    /// <summary>An output file that cannot be written.</summary>
    public static readonly QueryErrorDescriptor OutputUnwritable = new("PQ0903", "the output cannot be written");

    /// <summary>A <c>--fact</c> that is not <c>name=value</c>.</summary>
    public static readonly QueryErrorDescriptor FactOptionNotNameValue = new("PQ0904", "a fact option that is not name=value");

    /// <summary>A date on which no version of the law is in force, where a command needs one.</summary>
    public static readonly QueryErrorDescriptor NoVersionInForce = new("PQ0905", "no version of the law is in force on the date");

    /// <summary>Two libraries whose fact schemas differ, so their situations cannot be compared.</summary>
    public static readonly QueryErrorDescriptor IncompatibleLibraries = new("PQ0906", "the libraries have different fact schemas");

    /// <summary>Every descriptor, in code order.</summary>
    public static IReadOnlyList<QueryErrorDescriptor> All { get; } =
    [
        MalformedJson, WrongType, UnknownProperty, DuplicateProperty, Missing, BlankLine,
        InvalidDate, UnknownRuleset, UnknownRulesetVersion, DateOutsideRuleset, UnknownDesignation, UnknownForce, UnknownPower,
        UnknownFact, UnknownFactValue, NotWholeNumber, OutOfRange, DuplicateRestrictionId, InvalidCondition,
        ConflictingOptions, InputUnreadable, OutputUnwritable, FactOptionNotNameValue, NoVersionInForce, IncompatibleLibraries,
    ];
}
