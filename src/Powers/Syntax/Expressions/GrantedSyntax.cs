using Powers.Text;

namespace Powers.Syntax.Expressions;

/// <summary>
/// <c>granted('power-id')</c>, or with <see cref="Own"/> <c>designated('power-id')</c>: whether the CSO has that power
/// (or has it from the designation itself); a constant once a plan is built.
/// </summary>
/// <param name="Span">The whole call.</param>
/// <param name="PowerId">The power id between the quotes.</param>
/// <param name="PowerSpan">The span of the quoted power id.</param>
internal sealed record GrantedSyntax(TextSpan Span, string PowerId, TextSpan PowerSpan) : ExpressionSyntax(Span)
{
    /// <summary>Whether it is <c>designated('...')</c>: the designation itself must grant the power.</summary>
    public bool Own { get; init; }
}
