using System.Globalization;
using Powers.Binding;
using Powers.Evaluation;

namespace Powers.Batch;

/// <summary>
/// Translates the clauses of a plan into the batch program: deduplicated leaf tests (<see cref="BatchAtom"/>) and a
/// straight list of Kleene operations (<see cref="BatchOp"/>) over numbered registers. Registers 0, 1 and 2 hold
/// the constants true, false and unknown. Follows <see cref="ReferenceInterpreter"/> case by case.
/// </summary>
internal sealed class BatchProgramBuilder
{
    public const int TrueRegister = 0;
    public const int FalseRegister = 1;
    public const int UnknownRegister = 2;

    private readonly List<BatchAtom> _atoms = [];
    private readonly List<BatchOp> _ops = [];
    private readonly Dictionary<string, int> _atomByKey = new(StringComparer.Ordinal);
    private int _registers = 3;

    public IReadOnlyList<BatchAtom> Atoms => _atoms;

    public IReadOnlyList<BatchOp> Ops => _ops;

    public int RegisterCount => _registers;

    /// <summary>Adds a clause's expression; returns the register holding its value.</summary>
    public int Add(BoundExpression e)
    {
        switch (e)
        {
            case BoundNot not:
                return Op(BatchOp.Not, Add(not.Operand), 0);
            case BoundLogical logical:
                int left = Add(logical.Left);
                int right = Add(logical.Right);
                return Op(logical.IsAnd ? BatchOp.And : BatchOp.Or, left, right);
            case BoundComparison comparison:
                return Comparison(comparison.Operator, comparison.Left, comparison.Right);
            case BoundIn @in when @in.Operand is BoundConstant c:
                return Constant(@in.Values.Contains(c.Value));
            case BoundIn { Operand: BoundFact fact } @in:
                int[] set = [.. @in.Values.Distinct().Order()];
                return Atom("i:" + fact.Fact.Index + ":" + string.Join(',', set), fact.Fact.Index, -1, ComparisonOperator.Equal, 0, set);
            case BoundFact fact:
                return Comparison(ComparisonOperator.NotEqual, fact, new BoundConstant(fact.Span, BoundType.Int, 0));
            case BoundConstant constant:
                return Constant(constant.Value != 0);
            default:
                return UnknownRegister; // an error node, or a membership of something neither fact nor constant
        }
    }

    private static int Constant(bool value) => value ? TrueRegister : FalseRegister;

    private int Comparison(ComparisonOperator op, BoundExpression left, BoundExpression right)
    {
        switch (left, right)
        {
            case (BoundConstant a, BoundConstant b):
                return Constant(ReferenceInterpreter.Compare(op, a.Value, b.Value));
            case (BoundFact a, BoundConstant b):
                return Atom("c:" + a.Fact.Index + ":" + (int)op + ":" + b.Value.ToString(CultureInfo.InvariantCulture), a.Fact.Index, -1, op, b.Value, null);
            case (BoundConstant a, BoundFact b):
                var mirrored = op switch
                {
                    ComparisonOperator.Less => ComparisonOperator.Greater,
                    ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
                    ComparisonOperator.Greater => ComparisonOperator.Less,
                    ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
                    _ => op,
                };
                return Comparison(mirrored, b, a);
            case (BoundFact a, BoundFact b):
                return Atom("f:" + a.Fact.Index + ":" + (int)op + ":" + b.Fact.Index, a.Fact.Index, b.Fact.Index, op, 0, null);
            default:
                return UnknownRegister;
        }
    }

    private int Atom(string key, int left, int right, ComparisonOperator op, int constant, int[]? set)
    {
        if (!_atomByKey.TryGetValue(key, out int register))
        {
            register = _registers++;
            _atoms.Add(new BatchAtom(register, left, right, op, constant, set));
            _atomByKey.Add(key, register);
        }

        return register;
    }

    private int Op(byte code, int left, int right)
    {
        int target = _registers++;
        _ops.Add(new BatchOp(code, target, left, right));
        return target;
    }
}
