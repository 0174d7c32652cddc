namespace Powers.Diagnostics;

/// <summary>
/// The one catalogue of every diagnostic the compiler reports. Ids are stable and never reused; a retired id
/// stays here as a comment.
/// </summary>
internal static class DiagnosticDescriptors
{
    private static DiagnosticDescriptor Error(string id, string title, string format) => new(id, title, format, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string format) => new(id, title, format, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Info(string id, string title, string format) => new(id, title, format, DiagnosticSeverity.Info);

    // PWR0001-0099: files and JSON.

    /// <summary>The file cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = Error("PWR0001", "File cannot be read", "Cannot read the file: {0}");

    /// <summary>The file is not valid UTF-8.</summary>
    public static readonly DiagnosticDescriptor InvalidUtf8 = Error("PWR0002", "Invalid UTF-8", "The file is not valid UTF-8 (byte 0x{0:X2} at byte offset {1})");

    /// <summary>The file exceeds the size limit.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = Error("PWR0003", "File too large", "The file is {0:N0} bytes; a rule file may be at most {1:N0} bytes");

    /// <summary>JSON syntax: an unexpected character or token.</summary>
    public static readonly DiagnosticDescriptor JsonSyntax = Error("PWR0004", "Malformed JSON", "Malformed JSON: {0}");

    /// <summary>The JSON ends before a value is complete.</summary>
    public static readonly DiagnosticDescriptor JsonUnexpectedEnd = Error("PWR0005", "Unexpected end of JSON", "Unexpected end of file: {0}");

    /// <summary>A property appears twice in one object.</summary>
    public static readonly DiagnosticDescriptor DuplicateProperty = Error("PWR0006", "Duplicate property", "Duplicate property '{0}'; the first one is at ({1},{2})");

    /// <summary>A property the format does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownProperty = Error("PWR0007", "Unknown property", "Unknown property '{0}' in {1}{2}");

    /// <summary>A value of the wrong JSON type.</summary>
    public static readonly DiagnosticDescriptor WrongJsonType = Error("PWR0008", "Wrong JSON type", "'{0}' must be {1}, not {2}");

    /// <summary>A required property is missing.</summary>
    public static readonly DiagnosticDescriptor MissingProperty = Error("PWR0009", "Missing property", "{0} has no '{1}'; it is required");

    /// <summary>JSON nesting is deeper than the limit.</summary>
    public static readonly DiagnosticDescriptor JsonTooDeep = Error("PWR0010", "JSON nested too deeply", "JSON is nested more than {0} levels deep");

    /// <summary>A value that does not have the required form (date, id, range).</summary>
    public static readonly DiagnosticDescriptor InvalidValue = Error("PWR0011", "Invalid value", "'{0}' is not a valid {1}: {2}");

    /// <summary>A string is longer than the limit.</summary>
    public static readonly DiagnosticDescriptor StringTooLong = Error("PWR0012", "String too long", "A string of {0:N0} characters exceeds the limit of {1:N0}");

    /// <summary>The file does not hold the kind of document its folder expects.</summary>
    public static readonly DiagnosticDescriptor UnknownFileKind = Warning("PWR0013", "File not part of the library", "'{0}' is not a rule library file (facts.json, powers.json, forces.json, or a .json file under a rule set family, designations/ or cases/); it is ignored");

    /// <summary>A required library file is missing.</summary>
    public static readonly DiagnosticDescriptor MissingLibraryFile = Error("PWR0014", "Library file missing", "The rule library has no {0}");

    /// <summary>The library has too many files or facts for the engine's limits.</summary>
    public static readonly DiagnosticDescriptor LimitExceeded = Error("PWR0015", "Limit exceeded", "{0}");

    /// <summary>A rule file that is a FIFO, socket or device: it is not opened (a FIFO would block).</summary>
    public static readonly DiagnosticDescriptor NotRegularFile = Error("PWR0016", "Not a regular file", "The file is {0}, not a regular file; it is not read");

    /// <summary>A folder of the rules directory cannot be listed, so its rule files would be missing.</summary>
    public static readonly DiagnosticDescriptor FolderUnreadable = Error("PWR0017", "Folder cannot be read", "Cannot read the folder: {0}; the rule files in it would be missing");

    /// <summary>A symbolic link that leads outside the rules directory.</summary>
    public static readonly DiagnosticDescriptor LinkOutsideLibrary = Error("PWR0018", "Link outside the library", "The symbolic link leads to '{0}', outside the rules directory; it is not followed");

    /// <summary>A symbolic link to a folder already read (a cycle).</summary>
    public static readonly DiagnosticDescriptor LinkCycle = Warning("PWR0019", "Symbolic link cycle", "The symbolic link leads back to '{0}', a folder already read; it is not followed");

    // PWR0020-0029: signed libraries (LibrarySignature), reported only when a trusted key is given.

    /// <summary>A library that must be signed has no manifest or no signature.</summary>
    public static readonly DiagnosticDescriptor LibraryUnsigned = Error("PWR0020", "Library not signed", "The rule library is not signed: '{0}' is missing");

    /// <summary>A signature that is malformed, unusable or does not match the manifest.</summary>
    public static readonly DiagnosticDescriptor SignatureInvalid = Error("PWR0021", "Signature not accepted", "The signature of the rule library cannot be accepted: {0}");

    /// <summary>A signature by a key that is not trusted.</summary>
    public static readonly DiagnosticDescriptor SignatureKeyUntrusted = Error("PWR0022", "Signed by an untrusted key", "The rule library is signed with key '{0}', which is not trusted (trusted: {1})");

    /// <summary>A file the signed manifest does not list.</summary>
    public static readonly DiagnosticDescriptor FileNotSigned = Error("PWR0023", "File added after signing", "'{0}' is not in the signed manifest: it was added after signing");

    /// <summary>A file the signed manifest lists that is not there.</summary>
    public static readonly DiagnosticDescriptor SignedFileMissing = Error("PWR0024", "File removed after signing", "'{0}' is in the signed manifest but missing: it was removed after signing");

    /// <summary>A file whose size or hash differs from the signed manifest.</summary>
    public static readonly DiagnosticDescriptor FileChangedSinceSigning = Error("PWR0025", "File changed after signing", "'{0}' was changed after signing: {1}");

    /// <summary>A validly signed manifest that is not a manifest.</summary>
    public static readonly DiagnosticDescriptor ManifestInvalid = Error("PWR0026", "Manifest not readable", "The signed manifest cannot be read: {0}");

    // PWR0100-0199: expression syntax.

    /// <summary>A character that starts no token.</summary>
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("PWR0101", "Unexpected character", "Unexpected character '{0}' in expression");

    /// <summary>A token where another was expected.</summary>
    public static readonly DiagnosticDescriptor UnexpectedToken = Error("PWR0102", "Unexpected token", "Expected {0} but found {1}");

    /// <summary>Expression nesting deeper than the limit.</summary>
    public static readonly DiagnosticDescriptor ExpressionTooDeep = Error("PWR0103", "Expression nested too deeply", "The expression is nested more than {0} levels deep");

    /// <summary>Expression longer than the limit.</summary>
    public static readonly DiagnosticDescriptor ExpressionTooLong = Error("PWR0104", "Expression too long", "The expression has {0:N0} characters; the limit is {1:N0}");

    /// <summary>An enum literal without its closing quote.</summary>
    public static readonly DiagnosticDescriptor UnterminatedLiteral = Error("PWR0105", "Unterminated literal", "Unterminated value literal; add a closing '");

    /// <summary>An integer literal out of range.</summary>
    public static readonly DiagnosticDescriptor IntegerOutOfRange = Error("PWR0106", "Integer out of range", "The integer '{0}' is out of range (0 to 2147483647)");

    /// <summary>An empty expression.</summary>
    public static readonly DiagnosticDescriptor EmptyExpression = Error("PWR0107", "Empty expression", "The expression is empty");

    /// <summary>A keyword or operator from another language.</summary>
    public static readonly DiagnosticDescriptor UnsupportedSyntax = Error("PWR0108", "Unsupported syntax", "'{0}' is not part of the expression language; use {1}");

    // PWR0200-0299: names and types.

    /// <summary>A fact name that the schema does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownFact = Error("PWR0201", "Unknown fact", "Unknown fact '{0}'{1}");

    /// <summary>An operator applied to operands of the wrong type.</summary>
    public static readonly DiagnosticDescriptor TypeMismatch = Error("PWR0202", "Type mismatch", "Operator '{0}' cannot be applied to {1}");

    /// <summary>An enum value that the fact's type does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownEnumValue = Error("PWR0203", "Unknown enum value", "'{0}' is not a value of {1}{2}");

    /// <summary>A clause whose expression is not a condition.</summary>
    public static readonly DiagnosticDescriptor NotBoolean = Error("PWR0204", "Condition is not boolean", "A condition must be true or false, but this expression is {0}");

    /// <summary>An enum literal with nothing to give it a type.</summary>
    public static readonly DiagnosticDescriptor UntypedLiteral = Error("PWR0205", "Untyped value", "The value '{0}' can only be compared with an enum fact");

    /// <summary>A power id that the catalogue does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownPower = Error("PWR0206", "Unknown power", "Unknown power '{0}'{1}");

    /// <summary>A force id that forces.json does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownForce = Error("PWR0207", "Unknown force", "Unknown force '{0}'{1}");

    /// <summary>A fact declared with a type the schema does not know.</summary>
    public static readonly DiagnosticDescriptor UnknownFactType = Error("PWR0208", "Unknown fact type", "Unknown fact type '{0}'; use bool, int or enum");

    // PWR0209 retired unused: "Constant comparison" was catalogued but never reported.

    /// <summary>A comparison whose operand is a condition rather than a fact or a value.</summary>
    public static readonly DiagnosticDescriptor ConditionComparedAsValue = Error("PWR0210", "Condition used as a value", "'{0}' compares a condition; compare a fact with a value or another fact, and combine conditions with 'and', 'or' and 'not'");

    /// <summary>
    /// A comparison between two whole-number facts: what would permit an undetermined power cannot then be searched
    /// for class by class of constants, and the search may stop at its budget.
    /// </summary>
    public static readonly DiagnosticDescriptor IntegersComparedWithEachOther = Warning("PWR0211", "Whole numbers compared with each other", "'{0}' compares two whole-number facts: what would permit an undetermined power ('permittedIf') is searched for without a bound and may stop at the analysis budget; compare each fact with constants where the law allows");

    // PWR0300-0399: library semantics.

    /// <summary>An id defined twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = Error("PWR0301", "Duplicate id", "{0} '{1}' is already defined at {2}");

    /// <summary>Two versions of one family in force on the same day.</summary>
    public static readonly DiagnosticDescriptor OverlappingRanges = Error("PWR0302", "Overlapping effective ranges", "'{0}' is in force from {1} to {2}, which overlaps '{3}' ({4} to {5})");

    // PWR0303 retired unused: "Unknown power in designation" was catalogued but never reported; PWR0206 reports it.

    /// <summary>An include or a query that names no designation.</summary>
    public static readonly DiagnosticDescriptor UnknownDesignation = Error("PWR0304", "Unknown designation", "Unknown designation '{0}'{1}");

    /// <summary>Designations that include each other.</summary>
    public static readonly DiagnosticDescriptor IncludeCycle = Error("PWR0305", "Include cycle", "Designation '{0}' includes itself: {1}");

    /// <summary>Versions that extend each other.</summary>
    public static readonly DiagnosticDescriptor ExtendsCycle = Error("PWR0306", "Extends cycle", "Rule set '{0}' extends itself: {1}");

    /// <summary>An extends that names no version.</summary>
    public static readonly DiagnosticDescriptor UnknownVersion = Error("PWR0307", "Unknown version", "Rule set family '{0}' has no version '{1}'{2}");

    /// <summary>A stored designation that names a power the law does not confer while the designation is in force.</summary>
    public static readonly DiagnosticDescriptor DesignatedPowerNotInForce = Warning("PWR0308", "Designated power not in force", "Designation '{0}' confers '{1}', which '{2}' ({3}) does not confer on CSOs; it will be decided not-in-force");

    /// <summary>An effective range that ends before it starts.</summary>
    public static readonly DiagnosticDescriptor EmptyRange = Error("PWR0309", "Empty effective range", "The effective range ends ({0}) before it starts ({1})");

    /// <summary>A remove entry that removes nothing.</summary>
    public static readonly DiagnosticDescriptor RemovesNothing = Warning("PWR0310", "Remove has no effect", "'{0}' is not inherited from '{1}', so removing it has no effect");

    /// <summary>Two clauses with one id in one power.</summary>
    public static readonly DiagnosticDescriptor DuplicateClause = Error("PWR0311", "Duplicate clause id", "Power '{0}' has two clauses with id '{1}'");

    /// <summary>A gap in time between consecutive versions of a family.</summary>
    public static readonly DiagnosticDescriptor GapBetweenVersions = Warning("PWR0312", "Gap between versions", "No version of '{0}' is in force from {1} to {2}; every power will be decided not-in-force then");

    // PWR0313 retired unused: "Golden case fails" was catalogued but never reported; `powers test` reports failing cases.

    /// <summary>A golden case whose query is not valid.</summary>
    public static readonly DiagnosticDescriptor InvalidQuery = Error("PWR0314", "Invalid query", "Invalid query: {0}");

    /// <summary>A power that requires a power the catalogue does not have, or itself.</summary>
    public static readonly DiagnosticDescriptor InvalidRequires = Error("PWR0315", "Invalid requires", "Power '{0}' cannot require '{1}': {2}");

    /// <summary>A catalogue power that no version confers.</summary>
    public static readonly DiagnosticDescriptor PowerNeverInForce = Info("PWR0316", "Power never in force", "Power '{0}' is not conferred by any version of the library");

    /// <summary>A standard power that the version does not confer.</summary>
    public static readonly DiagnosticDescriptor StandardPowerNotInForce = Error("PWR0317", "Standard power not in force", "'{0}' is listed as a standard power, but {1} does not confer it; add it to 'powers' or remove it from 'standard'");

    /// <summary>An assertion without exactly one of 'never' and 'only'.</summary>
    public static readonly DiagnosticDescriptor AssertionOutcomes = Error("PWR0318", "Assertion outcomes", "Assertion '{0}' must list outcomes in exactly one of 'never' or 'only'");

    /// <summary>A version named by another file whose own file failed to compile.</summary>
    public static readonly DiagnosticDescriptor VersionUnavailable = Warning("PWR0319", "Version unavailable", "Version '{0}' is unavailable because its file has errors ({1})");

    // PWR0400-0499: legal hygiene.

    /// <summary>A clause or power with no citation.</summary>
    public static readonly DiagnosticDescriptor MissingCitation = Error("PWR0401", "Missing citation", "{0} has no citation; every rule must cite the provision it comes from");

    /// <summary>A clause with no text.</summary>
    public static readonly DiagnosticDescriptor EmptyText = Error("PWR0402", "Empty text", "{0} has no text; say in plain words what must hold");

    /// <summary>A low-confidence clause, listed for legal review.</summary>
    public static readonly DiagnosticDescriptor LowConfidence = Info("PWR0403", "Low-confidence rule", "Low confidence: {0}: {1}");

    /// <summary>A low-confidence clause without a note.</summary>
    public static readonly DiagnosticDescriptor LowConfidenceWithoutNote = Warning("PWR0404", "Low confidence without note", "{0} is marked low confidence but has no note saying what is uncertain");

    /// <summary>A golden case with no citation.</summary>
    public static readonly DiagnosticDescriptor CaseWithoutCitation = Warning("PWR0405", "Golden case without citation", "Case '{0}' has no citation justifying its expected outcomes");

    /// <summary>Every descriptor, for SARIF rule metadata and documentation.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        FileUnreadable, InvalidUtf8, FileTooLarge, JsonSyntax, JsonUnexpectedEnd, DuplicateProperty, UnknownProperty,
        WrongJsonType, MissingProperty, JsonTooDeep, InvalidValue, StringTooLong, UnknownFileKind, MissingLibraryFile,
        LimitExceeded, NotRegularFile, FolderUnreadable, LinkOutsideLibrary, LinkCycle,
        LibraryUnsigned, SignatureInvalid, SignatureKeyUntrusted, FileNotSigned, SignedFileMissing, FileChangedSinceSigning, ManifestInvalid,
        UnexpectedCharacter, UnexpectedToken, ExpressionTooDeep, ExpressionTooLong, UnterminatedLiteral,
        IntegerOutOfRange, EmptyExpression, UnsupportedSyntax,
        UnknownFact, TypeMismatch, UnknownEnumValue, NotBoolean, UntypedLiteral, UnknownPower, UnknownForce,
        UnknownFactType, ConditionComparedAsValue, IntegersComparedWithEachOther,
        DuplicateId, OverlappingRanges, UnknownDesignation, IncludeCycle, ExtendsCycle,
        UnknownVersion, DesignatedPowerNotInForce, EmptyRange, RemovesNothing, DuplicateClause, GapBetweenVersions,
        InvalidQuery, InvalidRequires, PowerNeverInForce, StandardPowerNotInForce,
        AssertionOutcomes, VersionUnavailable,
        MissingCitation, EmptyText, LowConfidence, LowConfidenceWithoutNote, CaseWithoutCitation,
    ];
}
