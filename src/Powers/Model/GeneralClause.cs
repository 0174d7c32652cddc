namespace Powers.Model;

/// <summary>A general clause of a rule set and the powers it does not apply to.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Except">Power ids the clause does not apply to.</param>
internal sealed record GeneralClause(Clause Clause, IReadOnlySet<string> Except);
