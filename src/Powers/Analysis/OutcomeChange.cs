using Powers.Model;

namespace Powers.Analysis;

/// <summary>
/// A set of situations (all facts the power reads known) in which a power's outcome changes between two plans:
/// <see cref="When"/> describes them in the rule expression language; <see cref="Example"/> is one of them.
/// </summary>
/// <param name="Power">The power id.</param>
/// <param name="From">The outcome under the first plan.</param>
/// <param name="To">The outcome under the second plan.</param>
/// <param name="When">The condition on the facts under which the outcome changes so.</param>
/// <param name="Example">Facts (the others unknown) that give <see cref="From"/> and then <see cref="To"/>.</param>
/// <param name="Exact">
/// False when the power compares two integer facts with each other: the enumeration still finds every change and the
/// example is exact, but <see cref="When"/> then prints each integer as ranges between the points tried, which only
/// approximates the relation between the two facts.
/// </param>
internal sealed record OutcomeChange(string Power, Outcome From, Outcome To, string When, IReadOnlyList<FactValue> Example, bool Exact = true);
