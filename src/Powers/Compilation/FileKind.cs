namespace Powers.Compilation;

/// <summary>What a file of the library holds, by its path.</summary>
internal enum FileKind
{
    Unknown,
    Facts,
    Powers,
    Forces,
    RuleSet,
    Designation,
    Cases,
    Assertions,
}
