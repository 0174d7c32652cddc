namespace Powers.Decisions;

/// <summary>
/// How much of a decision a document gives (docs/contract.md): deciding is the same at every level; explaining
/// (clause texts, notes, <c>permittedIf</c>) is done only for <see cref="Full"/>.
/// </summary>
public enum DecisionDetail
{
    /// <summary>The whole decision document: titles, clauses with their texts and citations, notes, <c>uncertain</c>, <c>permittedIf</c> and <c>example</c>.</summary>
    Full = 0,

    /// <summary>The decision document with, per power, its outcome, confidence, citation, clause ids with their status and the missing facts.</summary>
    Reasons = 1,

    /// <summary>The compact form <c>{"power-id": "outcome", ...}</c>.</summary>
    Outcomes = 2,
}
