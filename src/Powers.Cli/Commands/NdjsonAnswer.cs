using Powers.Decisions;
using Powers.Evaluation;
using Powers.Model;

namespace Powers.Cli.Commands;

/// <summary>What one NDJSON line asked, for a <see cref="QueryFormat.WriteLine"/>: the plan is shared across dates and made days, so the answer reports this line's own date and designation.</summary>
internal readonly record struct NdjsonAnswer(Designation Designation, DateOnly? Date, Situation Situation, DecisionDetail Detail, string? OnlyPower);
