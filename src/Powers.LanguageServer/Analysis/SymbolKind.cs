namespace Powers.LanguageServer.Analysis;

/// <summary>What a name in a rule file stands for.</summary>
internal enum SymbolKind
{
    Fact,
    EnumValue,
    Power,
    Designation,
    Version,
    Force,
    Clause,
    Property,
}
