using System.Linq.Expressions;
using Expr = System.Linq.Expressions.Expression;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Deciding;

/// <summary>
/// Compiles a whole <see cref="DecisionPlan"/> into one straight-line delegate: every clause of the plan once,
/// into a local, then each power's Kleene fold and outcome with no branches and no calls. Fixed outcomes become
/// constant stores. One form writes outcomes only; the explained form also writes clause statuses and the
/// missing facts of undetermined powers, exactly as <see cref="PlanDecider"/> does.
/// </summary>
internal static class DecisionProgramCompiler
{
    // Outcome by the folded Tri value, one byte each, at byte (int)Tri: True → Permitted, False → Denied, Unknown → Undetermined.
    private const int OutcomeTable =
        ((int)Outcome.Permitted << (8 * (int)Tri.True)) | ((int)Outcome.Denied << (8 * (int)Tri.False)) | ((int)Outcome.Undetermined << (8 * (int)Tri.Unknown));

    // A zero mask as a default value, not a constant: a struct constant would be boxed in the delegate's closure and
    // unboxed at every store (about 3 ns a power, most of the explained form's cost on a plan of few clauses).
    private static readonly DefaultExpression ZeroMask = Expr.Default(typeof(UInt128));

    public static OutcomeFunction CompileOutcomes(DecisionPlan plan) =>
        Build<OutcomeFunction>(plan, explained: false);

    public static ExplainedFunction CompileExplained(DecisionPlan plan) =>
        Build<ExplainedFunction>(plan, explained: true);

    private static TDelegate Build<TDelegate>(DecisionPlan plan, bool explained)
        where TDelegate : Delegate
    {
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var values = Expr.Parameter(typeof(int[]), "values");
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var known = new KnownWords(Expr.Parameter(typeof(ulong), "knownLow"), Expr.Parameter(typeof(ulong), "knownHigh"));
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var statuses = Expr.Parameter(typeof(Tri[]), "statuses");
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var outcomes = Expr.Parameter(typeof(Outcome[]), "outcomes");
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var missing = Expr.Parameter(typeof(UInt128[]), "missing");
        var clauses = plan.ClauseArray;
        var powers = plan.PowerArray;

        // Only clauses some evaluated power reads are needed for outcomes; the explained form reports all of them.
        var used = new bool[clauses.Length];
        foreach (var power in powers)
        {
            if (power.Kind == PowerPlanKind.Evaluate)
            {
                foreach (int index in power.ClauseIndices)
                {
                    used[index] = true;
                }
            }
        }

        var locals = new List<ParameterExpression>();
        var body = new List<Expr>();
        var status = new ParameterExpression[clauses.Length];
        for (int i = 0; i < clauses.Length; i++)
        {
            // Stryker disable once Block,Statement : never reached: PlanBuilder adds a clause to a plan only for a power it evaluates, so every clause is used
            if (!used[i] && !explained)
            {
                continue;
            }

            // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
            status[i] = Expr.Variable(typeof(int), "s" + i);
            locals.Add(status[i]);
            body.Add(Expr.Assign(status[i], ClauseCompiler.Emit(clauses[i].Expression, values, known)));
        }

        // Stores go from the highest index down: once the JIT has checked the highest constant index of an array,
        // it drops the range checks of the lower ones.
        if (explained)
        {
            for (int i = clauses.Length - 1; i >= 0; i--)
            {
                body.Add(Expr.Assign(Expr.ArrayAccess(statuses, Expr.Constant(i)), Expr.Convert(Expr.Convert(status[i], typeof(byte)), typeof(Tri))));
            }
        }

        // The unknown facts, one word per 64 facts; a power's missing mask is built from the two words at the end.
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var unknownLow = Expr.Variable(typeof(ulong), "unknownLow");
        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var unknownHigh = Expr.Variable(typeof(ulong), "unknownHigh");
        if (explained)
        {
            locals.Add(unknownLow);
            locals.Add(unknownHigh);
            body.Add(Expr.Assign(unknownLow, Expr.Not(known.Low)));
            body.Add(Expr.Assign(unknownHigh, Expr.Not(known.High)));
        }

        // Stryker disable once String : a parameter's or variable's name is a label in the expression's debug view only; the compiled code is the same
        var all = Expr.Variable(typeof(int), "all");
        locals.Add(all);
        for (int p = powers.Length - 1; p >= 0; p--)
        {
            var power = powers[p];
            var outcomeSlot = Expr.ArrayAccess(outcomes, Expr.Constant(p));
            var missingSlot = Expr.ArrayAccess(missing, Expr.Constant(p));
            if (power.Kind != PowerPlanKind.Evaluate)
            {
                var fixedOutcome = power.Kind == PowerPlanKind.NotInForce ? Outcome.NotInForce : Outcome.NotDesignated;
                // Its missing mask is not written: zero already in a buffer this plan last wrote (DecisionProgram.Decide).
                body.Add(Expr.Assign(outcomeSlot, Expr.Constant(fixedOutcome)));
                continue;
            }

            // The Kleene and of every clause, folded: "may be true" survives only if every clause may be true.
            Expr trueBits = TriLogic.EmitConstant(Tri.True);
            Expr falseBits = Expr.Constant(0);
            Expr unknownMaskLow = Expr.Constant(0UL);
            Expr unknownMaskHigh = Expr.Constant(0UL);
            foreach (int index in power.ClauseIndices)
            {
                trueBits = Expr.And(trueBits, status[index]);
                falseBits = Expr.Or(falseBits, status[index]);
                // Stryker disable once Logical : with || the masks are also built for the outcome form, which never reads them, and for a clause of no facts, which adds none
                if (explained && clauses[index].FactMask != UInt128.Zero)
                {
                    // The clause's facts when it is unknown (both bits set), else nothing.
                    var isUnknown = Expr.Equal(status[index], TriLogic.EmitConstant(Tri.Unknown));
                    ulong low = (ulong)clauses[index].FactMask;
                    ulong high = (ulong)(clauses[index].FactMask >> 64);
                    if (low != 0)
                    {
                        unknownMaskLow = Expr.Or(unknownMaskLow, Expr.Condition(isUnknown, Expr.Constant(low), Expr.Constant(0UL)));
                    }

                    if (high != 0)
                    {
                        unknownMaskHigh = Expr.Or(unknownMaskHigh, Expr.Condition(isUnknown, Expr.Constant(high), Expr.Constant(0UL)));
                    }
                }
            }

            body.Add(Expr.Assign(all, TriLogic.EmitCombine(trueBits, falseBits)));
            var outcome = Expr.And(Expr.RightShift(Expr.Constant(OutcomeTable), Expr.LeftShift(all, Expr.Constant(3))), Expr.Constant(0xFF));
            body.Add(Expr.Assign(outcomeSlot, Expr.Convert(Expr.Convert(outcome, typeof(byte)), typeof(Outcome))));
            if (explained)
            {
                // Undetermined exactly when the fold is 3; only then are missing facts gathered (a branch that a
                // complete situation never takes).
                var undetermined = Expr.Equal(all, TriLogic.EmitConstant(Tri.Unknown));
                var missingMask = Expr.New(
                    typeof(UInt128).GetConstructor([typeof(ulong), typeof(ulong)])!,
                    Expr.And(unknownMaskHigh, unknownHigh),
                    Expr.And(unknownMaskLow, unknownLow));
                body.Add(Expr.Assign(missingSlot, Expr.Condition(undetermined, missingMask, ZeroMask)));
            }
        }

        // Stryker disable once Statement : a void block may end in an assignment and may be empty (both compile and run alike)
        body.Add(Expr.Empty());
        var block = Expr.Block(typeof(void), locals, body);
        var lambda = explained
            ? Expr.Lambda<TDelegate>(block, values, known.Low, known.High, statuses, outcomes, missing)
            : Expr.Lambda<TDelegate>(block, values, known.Low, known.High, outcomes);
        return lambda.Compile();
    }
}
