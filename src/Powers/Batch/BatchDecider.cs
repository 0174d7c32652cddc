using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Powers.Binding;
using Powers.Deciding;
using Powers.Evaluation;
using Powers.Model;
using Powers.Planning;

namespace Powers.Batch;

/// <summary>
/// Decides many situations with one plan, 64 at a time, bit-parallel. A Kleene value of 64 situations is two
/// words (bit i of the first: situation i may be true; of the second: may be false), so <c>and</c>, <c>or</c> and
/// <c>not</c> decide 64 situations in one or two instructions; leaf tests compare a column of 64 packed values
/// with SIMD. Immutable and thread-safe once built; <see cref="Decide"/> allocates nothing. Agrees exactly with
/// <see cref="PlanDecider"/> over the <see cref="ReferenceInterpreter"/>, which the tests check.
/// </summary>
internal sealed class BatchDecider
{
    private const int StackRegisters = 2048;
    private const ulong Threes = 0x0303_0303_0303_0303UL;
    private static readonly ulong[] ByteSpread = BuildSpread();

    private readonly BatchAtom[] _atoms;
    private readonly BatchOp[] _ops;
    private readonly int _registers;
    private readonly int _facts;

    // Per power: the registers of its clauses (empty for a fixed outcome), and the fixed outcome.
    private readonly int[][] _powerClauses;
    private readonly PowerPlanKind[] _kinds;

    /// <summary>Builds the batch program for a plan.</summary>
    public BatchDecider(DecisionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Plan = plan;
        _facts = plan.Library.Schema.Count;
        var builder = new BatchProgramBuilder();
        var clauseRegisters = new int[plan.ClauseArray.Length];
        var needed = new bool[plan.ClauseArray.Length];
        foreach (var power in plan.PowerArray)
        {
            if (power.Kind == PowerPlanKind.Evaluate)
            {
                foreach (int index in power.ClauseIndices)
                {
                    needed[index] = true;
                }
            }
        }

        for (int i = 0; i < clauseRegisters.Length; i++)
        {
            clauseRegisters[i] = needed[i] ? builder.Add(plan.ClauseArray[i].Expression) : BatchProgramBuilder.UnknownRegister;
        }

        _atoms = [.. builder.Atoms];
        _ops = [.. builder.Ops];
        _registers = builder.RegisterCount;
        _powerClauses = new int[plan.PowerArray.Length][];
        _kinds = new PowerPlanKind[plan.PowerArray.Length];
        for (int p = 0; p < _powerClauses.Length; p++)
        {
            var power = plan.PowerArray[p];
            _kinds[p] = power.Kind;
            _powerClauses[p] = power.Kind == PowerPlanKind.Evaluate ? Array.ConvertAll(power.ClauseIndices, i => clauseRegisters[i]) : [];
        }
    }

    /// <summary>The plan.</summary>
    public DecisionPlan Plan { get; }

    /// <summary>The number of powers decided per situation.</summary>
    public int PowerCount => _kinds.Length;

    /// <summary>A result sized for a batch.</summary>
    public BatchOutcomes CreateOutcomes(int capacity) => new(PowerCount, capacity);

    /// <summary>Decides every situation of <paramref name="batch"/> into <paramref name="outcomes"/>.</summary>
    public void Decide(SituationBatch batch, BatchOutcomes outcomes)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (batch.Schema.Count != _facts)
        {
            throw new ArgumentException("The batch follows another fact schema.", nameof(batch));
        }

        if (outcomes.PowerCount != PowerCount || outcomes.Stride < batch.Count)
        {
            throw new ArgumentException("The outcomes were not made for this plan or are too small for the batch.", nameof(outcomes));
        }

        Span<ulong> registers = _registers * 2 <= StackRegisters ? stackalloc ulong[_registers * 2] : new ulong[_registers * 2];
        Span<ulong> may = registers[.._registers];
        Span<ulong> mayNot = registers[_registers..(_registers * 2)];
        may[BatchProgramBuilder.TrueRegister] = ~0UL;
        mayNot[BatchProgramBuilder.TrueRegister] = 0;
        may[BatchProgramBuilder.FalseRegister] = 0;
        mayNot[BatchProgramBuilder.FalseRegister] = ~0UL;
        may[BatchProgramBuilder.UnknownRegister] = ~0UL;
        mayNot[BatchProgramBuilder.UnknownRegister] = ~0UL;

        int blocks = (batch.Count + SituationBatch.BlockSize - 1) / SituationBatch.BlockSize;
        Span<ulong> rows = MemoryMarshal.Cast<Outcome, ulong>(outcomes.Raw.AsSpan());
        int rowWords = outcomes.Stride / 8;
        for (int block = 0; block < blocks; block++)
        {
            var values = batch.Values.AsSpan(block * _facts * SituationBatch.BlockSize, _facts * SituationBatch.BlockSize);
            var known = batch.Known.AsSpan(block * _facts, _facts);
            RunAtoms(values, known, may, mayNot);
            RunOps(may, mayNot);
            WritePowers(may, mayNot, rows, rowWords, block);
        }

        outcomes.Count = batch.Count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunAtoms(ReadOnlySpan<int> values, ReadOnlySpan<ulong> known, Span<ulong> may, Span<ulong> mayNot)
    {
        foreach (var atom in _atoms)
        {
            var column = values.Slice(atom.Left * SituationBatch.BlockSize, SituationBatch.BlockSize);
            ulong holds;
            ulong decided = known[atom.Left];
            if (atom.Set is { } set)
            {
                holds = 0;
                foreach (int v in set)
                {
                    holds |= Compare(column, ComparisonOperator.Equal, v);
                }
            }
            else if (atom.Right < 0)
            {
                holds = Compare(column, atom.Operator, atom.Constant);
            }
            else
            {
                holds = CompareColumns(column, values.Slice(atom.Right * SituationBatch.BlockSize, SituationBatch.BlockSize), atom.Operator);
                decided &= known[atom.Right];
            }

            // Known: exactly one bit; unknown: both.
            may[atom.Register] = holds | ~decided;
            mayNot[atom.Register] = ~holds | ~decided;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunOps(Span<ulong> may, Span<ulong> mayNot)
    {
        foreach (var op in _ops)
        {
            ulong t;
            ulong f;
            switch (op.Code)
            {
                case BatchOp.Not:
                    t = mayNot[op.Left];
                    f = may[op.Left];
                    break;
                case BatchOp.And:
                    t = may[op.Left] & may[op.Right];
                    f = mayNot[op.Left] | mayNot[op.Right];
                    break;
                default:
                    t = may[op.Left] | may[op.Right];
                    f = mayNot[op.Left] & mayNot[op.Right];
                    break;
            }

            may[op.Target] = t;
            mayNot[op.Target] = f;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WritePowers(ReadOnlySpan<ulong> may, ReadOnlySpan<ulong> mayNot, Span<ulong> rows, int rowWords, int block)
    {
        for (int p = 0; p < _kinds.Length; p++)
        {
            var row = rows.Slice(p * rowWords + block * (SituationBatch.BlockSize / 8), SituationBatch.BlockSize / 8);
            if (_kinds[p] != PowerPlanKind.Evaluate)
            {
                ulong fill = (_kinds[p] == PowerPlanKind.NotInForce ? (byte)Outcome.NotInForce : (byte)Outcome.NotDesignated) * 0x0101_0101_0101_0101UL;
                row.Fill(fill);
                continue;
            }

            ulong t = ~0UL;
            ulong f = 0;
            foreach (int register in _powerClauses[p])
            {
                t &= may[register];
                f |= mayNot[register];
            }

            // Per situation the outcome byte is 3 + t - f: 4 permitted (t only), 2 denied (f only), 3 undetermined.
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = Threes + Spread((byte)(t >> (j * 8))) - Spread((byte)(f >> (j * 8)));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Spread(byte bits) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.ParallelBitDeposit(bits, 0x0101_0101_0101_0101UL) : ByteSpread[bits];

    private static ulong[] BuildSpread()
    {
        var table = new ulong[256];
        for (int b = 0; b < 256; b++)
        {
            for (int i = 0; i < 8; i++)
            {
                if ((b >> i & 1) != 0)
                {
                    table[b] |= 1UL << (i * 8);
                }
            }
        }

        return table;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Compare(ReadOnlySpan<int> column, ComparisonOperator op, int constant)
    {
        var c = Vector256.Create(constant);
        ref int start = ref MemoryMarshal.GetReference(column);
        ulong bits = 0;
        switch (op)
        {
            case ComparisonOperator.Equal:
            case ComparisonOperator.NotEqual:
                for (int i = 0; i < SituationBatch.BlockSize; i += 8)
                {
                    bits |= (ulong)Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)i), c).ExtractMostSignificantBits() << i;
                }

                return op == ComparisonOperator.Equal ? bits : ~bits;
            case ComparisonOperator.Less:
            case ComparisonOperator.GreaterOrEqual:
                for (int i = 0; i < SituationBatch.BlockSize; i += 8)
                {
                    bits |= (ulong)Vector256.LessThan(Vector256.LoadUnsafe(ref start, (nuint)i), c).ExtractMostSignificantBits() << i;
                }

                return op == ComparisonOperator.Less ? bits : ~bits;
            default:
                for (int i = 0; i < SituationBatch.BlockSize; i += 8)
                {
                    bits |= (ulong)Vector256.GreaterThan(Vector256.LoadUnsafe(ref start, (nuint)i), c).ExtractMostSignificantBits() << i;
                }

                return op == ComparisonOperator.Greater ? bits : ~bits;
        }
    }

    private static ulong CompareColumns(ReadOnlySpan<int> left, ReadOnlySpan<int> right, ComparisonOperator op)
    {
        ulong bits = 0;
        for (int i = 0; i < SituationBatch.BlockSize; i++)
        {
            if (ReferenceInterpreter.Compare(op, left[i], right[i]))
            {
                bits |= 1UL << i;
            }
        }

        return bits;
    }
}
