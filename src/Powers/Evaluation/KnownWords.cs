using System.Linq.Expressions;

namespace Powers.Evaluation;

/// <summary>
/// The two words of a situation's known-mask as parameters or locals of compiled code: facts 0 to 63 in
/// <see cref="Low"/>, 64 to 127 in <see cref="High"/>. Kept apart so a compiled test reads one 64-bit word, not a
/// 128-bit value.
/// </summary>
internal readonly record struct KnownWords(ParameterExpression Low, ParameterExpression High);
