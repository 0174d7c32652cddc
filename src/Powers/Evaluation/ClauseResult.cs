using Powers.Model;

namespace Powers.Evaluation;

/// <summary>One clause of a power's decision, with its status and citation.</summary>
/// <param name="Clause">The clause.</param>
/// <param name="Status">Held, failed or unknown.</param>
public sealed record ClauseResult(Clause Clause, Tri Status);
