using Powers.Diagnostics;
using Powers.Syntax.Expressions;
using Powers.Text;

namespace Powers.Binding;

/// <summary>
/// Resolves fact names and checks types against the fact schema. A mistake gives one diagnostic and an error
/// node, so binding goes on and the rest of the expression is still checked. Recursion follows the syntax
/// tree, whose depth the parser has already bounded.
/// </summary>
internal sealed class Binder
{
    private readonly FactSchema _schema;
    private readonly SourceText _source;
    private readonly DiagnosticBag _diagnostics;
    private readonly IReadOnlyCollection<string>? _powers;

    /// <summary>Creates a binder for one file.</summary>
    /// <param name="schema">The facts.</param>
    /// <param name="source">The file, for diagnostics.</param>
    /// <param name="diagnostics">Where mistakes go.</param>
    /// <param name="powers">The power ids <c>granted('...')</c> may name; null where the call is not allowed.</param>
    public Binder(FactSchema schema, SourceText source, DiagnosticBag diagnostics, IReadOnlyCollection<string>? powers = null)
    {
        _schema = schema;
        _source = source;
        _diagnostics = diagnostics;
        _powers = powers;
    }

    /// <summary>Binds an expression that must be a condition (bool).</summary>
    public BoundExpression BindCondition(ExpressionSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var bound = Bind(syntax);
        if (!bound.Type.IsError && bound.Type.Kind != FactKind.Bool)
        {
            _diagnostics.Report(DiagnosticDescriptors.NotBoolean, _source, syntax.Span, bound.Type.ToString());
            return new BoundError(syntax.Span);
        }

        return bound;
    }

    private BoundExpression Bind(ExpressionSyntax syntax, BoundType? context = null) => syntax switch
    {
        NameSyntax name => BindName(name),
        BooleanSyntax b => new BoundConstant(b.Span, BoundType.Bool, b.Value ? 1 : 0),
        IntegerSyntax i => new BoundConstant(i.Span, BoundType.Int, i.Value),
        ValueSyntax v => BindValue(v, context),
        ParenthesizedSyntax p => Bind(p.Inner, context),
        NotSyntax not => BindNot(not),
        BinarySyntax bin when bin.Operator is TokenKind.And or TokenKind.Or => BindLogical(bin),
        BinarySyntax bin => BindComparison(bin),
        InSyntax @in => BindIn(@in),
        GrantedSyntax granted => BindGranted(granted),
        _ => new BoundError(syntax.Span),
    };

    private BoundExpression BindName(NameSyntax name)
    {
        if (_schema.TryGet(name.Name, out var fact))
        {
            return new BoundFact(name.Span, fact);
        }

        _diagnostics.Report(DiagnosticDescriptors.UnknownFact, _source, name.Span, name.Name, DidYouMean.Suggest(name.Name, _schema.Names));
        return new BoundError(name.Span);
    }

    private BoundExpression BindGranted(GrantedSyntax granted)
    {
        if (_powers is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.UnsupportedSyntax, _source, granted.Span, (granted.Own ? "designated" : "granted") + "(...)", "a fact: whether the CSO has a power is known only in a rule set or a designation");
            return new BoundError(granted.Span);
        }

        if (!_powers.Contains(granted.PowerId))
        {
            _diagnostics.Report(DiagnosticDescriptors.UnknownPower, _source, granted.PowerSpan, granted.PowerId, DidYouMean.Suggest(granted.PowerId, _powers));
            return new BoundError(granted.Span);
        }

        return new BoundGranted(granted.Span, granted.PowerId) { Own = granted.Own };
    }

    private BoundExpression BindValue(ValueSyntax value, BoundType? context)
    {
        if (context is not { } type || type.IsError)
        {
            if (context is null)
            {
                _diagnostics.Report(DiagnosticDescriptors.UntypedLiteral, _source, value.Span, value.Value);
            }

            return new BoundError(value.Span);
        }

        if (type.Kind != FactKind.Enum)
        {
            _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, _source, value.Span, "==", "a value '" + value.Value + "' and " + type);
            return new BoundError(value.Span);
        }

        var fact = type.EnumFact!;
        int index = fact.IndexOfValue(value.Value);
        if (index < 0)
        {
            string typeText = "enum " + fact.Name + " (" + string.Join(", ", fact.Values) + ")";
            _diagnostics.Report(DiagnosticDescriptors.UnknownEnumValue, _source, value.Span, value.Value, typeText, DidYouMean.Suggest(value.Value, fact.Values));
            return new BoundError(value.Span);
        }

        return new BoundConstant(value.Span, type, index);
    }

    private BoundExpression BindNot(NotSyntax not)
    {
        var operand = Bind(not.Operand);
        if (!RequireBool(operand, "not"))
        {
            return new BoundError(not.Span);
        }

        return new BoundNot(not.Span, operand);
    }

    private BoundExpression BindLogical(BinarySyntax bin)
    {
        var left = Bind(bin.Left);
        var right = Bind(bin.Right);
        string op = TokenFacts.Text(bin.Operator);
        bool ok = RequireBool(left, op) & RequireBool(right, op);
        return ok ? new BoundLogical(bin.Span, bin.Operator == TokenKind.And, left, right) : new BoundError(bin.Span);
    }

    private BoundExpression BindComparison(BinarySyntax bin)
    {
        BoundExpression left, right;
        if (bin.Left is ValueSyntax && bin.Right is not ValueSyntax)
        {
            right = Bind(bin.Right);
            left = Bind(bin.Left, right.Type);
        }
        else
        {
            left = Bind(bin.Left);
            right = Bind(bin.Right, left.Type);
        }

        if (left.Type.IsError || right.Type.IsError)
        {
            return new BoundError(bin.Span);
        }

        string op = TokenFacts.Text(bin.Operator);
        if (!IsOperand(left) || !IsOperand(right))
        {
            _diagnostics.Report(DiagnosticDescriptors.ConditionComparedAsValue, _source, bin.OperatorSpan, op);
            return new BoundError(bin.Span);
        }

        var @operator = ToOperator(bin.Operator);
        bool ordered = @operator is not (ComparisonOperator.Equal or ComparisonOperator.NotEqual);
        if (!left.Type.SameAs(right.Type) || (ordered && left.Type.Kind != FactKind.Int))
        {
            _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, _source, bin.OperatorSpan, op, left.Type + " and " + right.Type);
            return new BoundError(bin.Span);
        }

        return new BoundComparison(bin.Span, @operator, left, right);
    }

    private BoundExpression BindIn(InSyntax @in)
    {
        var operand = Bind(@in.Operand);
        if (operand.Type.IsError)
        {
            return new BoundError(@in.Span);
        }

        if (!IsOperand(operand))
        {
            _diagnostics.Report(DiagnosticDescriptors.ConditionComparedAsValue, _source, @in.Operand.Span, "in");
            return new BoundError(@in.Span);
        }

        var values = new List<int>(@in.Values.Count);
        bool ok = true;
        foreach (var item in @in.Values)
        {
            var bound = Bind(item, operand.Type);
            if (bound is BoundConstant constant && constant.Type.SameAs(operand.Type))
            {
                if (!values.Contains(constant.Value))
                {
                    values.Add(constant.Value);
                }
            }
            else
            {
                if (!bound.Type.IsError)
                {
                    _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, _source, item.Span, "in", operand.Type + " and " + bound.Type);
                }

                ok = false;
            }
        }

        return ok ? new BoundIn(@in.Span, operand, values) : new BoundError(@in.Span);
    }

    /// <summary>Comparisons read values: a fact or a constant, never a compound condition.</summary>
    private static bool IsOperand(BoundExpression e) => e is BoundFact or BoundConstant;

    private bool RequireBool(BoundExpression operand, string op)
    {
        if (operand.Type.IsError)
        {
            return false;
        }

        if (operand.Type.Kind == FactKind.Bool)
        {
            return true;
        }

        _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, _source, operand.Span, op, operand.Type.ToString());
        return false;
    }

    private static ComparisonOperator ToOperator(TokenKind kind) => kind switch
    {
        TokenKind.Equal => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessOrEqual => ComparisonOperator.LessOrEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        _ => ComparisonOperator.GreaterOrEqual,
    };
}
