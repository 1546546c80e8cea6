using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Runtime.CompilerServices;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>The operand names the core timing model reads, as small integers (indices into a spec's position map).</summary>
internal enum Opd
{
    Src, Dst, Bytes, Event, Rs, Rt, Imm, Count, Shape, Len, Group, Tag, Cores, Barrier, Acc, Macro, Core, Dt, Counter,
    A, B, C, S, Stride, N, M, K, Lda, Ldb, Ldc, Chan, Addr,
}

/// <summary>
/// What the core's hot loop does with a word: the dispatch of <see cref="CoreAgent"/> resolved once per word from the
/// spec's <see cref="OpSpec.Action"/> column (instead of a switch per executed instruction).
/// </summary>
internal enum CoreKind : byte
{
    Nop, Halt,
    /// <summary>Scalar ALU op with a decoded <see cref="CoreWord"/> (li.lo, li.hi, addi, lw, the R3 ops).</summary>
    Scalar,
    /// <summary>Scalar op the timing model has no semantics for (sw: an internal error when executed).</summary>
    ScalarOther,
    Branch, EventSignal, EventWait, Barrier, PrefetchWait, NocReceive, NocCollective,
    TcuShape, TcuLd, PimLd, PimGemv, TcuGemm, Transpose, Move, Move2d, HbmLoad, HbmStore, HbmPrefetch, NocSend, Vcu,
    /// <summary>A data-path op the timing model has no cost for (an error when executed).</summary>
    Unmodelled,
}

/// <summary>
/// One word as the hot loop needs it. For <see cref="CoreKind.Scalar"/>: <see cref="A"/> = rd, <see cref="B"/> = the
/// single source register (rs, addr, or rd for li.hi), <see cref="C"/> = rt or the immediate. For
/// <see cref="CoreKind.Branch"/>: A = counter or first compared register, B = second compared register, C = offset.
/// </summary>
internal struct CoreWord
{
    public CoreKind Kind;
    /// <summary>The spec's action (which scalar or branch form) and arithmetic, copied when decoding.</summary>
    public OpAction Action;
    public Arithmetic Function;
    /// <summary>Register operands (the scoreboard waits for them): <see cref="CoreProgram.RegisterNumbers"/>[RegStart .. RegStart + RegCount).</summary>
    public byte RegCount;
    public int RegStart;
    public int A, B, C;
}

/// <summary>
/// A core stream decoded once per binary for the hot loop: per word its <see cref="CoreWord"/>, its operand values in
/// a flat array (<see cref="Stride"/> per word) and where each named operand sits (or -1). Saves copying the
/// <see cref="Op"/>, a search by operand name and a string switch per executed instruction.
/// </summary>
internal sealed class CoreProgram
{
    /// <summary>Operand values per word in <see cref="Values"/> (<see cref="Operands.Capacity"/>).</summary>
    public const int Stride = Operands.Capacity;

    private static readonly string[] Names = Enum.GetNames<Opd>().Select(n => n.ToLowerInvariant()).ToArray();
    public static readonly int NameCount = Names.Length;

    public CoreProgram(IReadOnlyList<Op> ops)
    {
        Ops = ops as Op[] ?? ops.ToArray();
        Words = new CoreWord[Ops.Length];
        Values = new int[Ops.Length * Stride];
        PositionBase = new int[Ops.Length];
        var specs = new Dictionary<OpSpec, SpecLayout>(ReferenceEqualityComparer.Instance);
        var positions = new List<sbyte>();
        var registerCount = 0;
        for (var w = 0; w < Ops.Length; w++)
        {
            var spec = Ops[w].Spec;
            if (!specs.TryGetValue(spec, out var layout))
                specs[spec] = layout = SpecLayout.Of(spec, positions);
            PositionBase[w] = layout.Base;
            registerCount += layout.Registers.Length;
        }
        Positions = positions.ToArray();
        RegisterNumbers = new byte[registerCount];
        Decode(specs);
    }

    /// <summary>Where one spec's named operands and registers sit.</summary>
    private sealed record SpecLayout(int Base, int[] Registers, CoreKind Kind)
    {
        public static SpecLayout Of(OpSpec spec, List<sbyte> positions)
        {
            var b = positions.Count;
            for (var n = 0; n < Names.Length; n++)
            {
                sbyte at = -1;
                for (var i = 0; i < spec.Operands.Count; i++)
                    if (spec.Operands[i].Name == Names[n]) at = (sbyte)i;
                positions.Add(at);
            }
            var regs = Enumerable.Range(0, spec.Operands.Count).Where(i => spec.Operands[i].Kind == FieldKind.Register).ToArray();
            return new SpecLayout(b, regs, KindOf(spec));
        }
    }

    // Large streams have millions of words and this runs once: compile it optimized rather than tier up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode(Dictionary<OpSpec, SpecLayout> specs)
    {
        var regAt = 0;
        for (var w = 0; w < Ops.Length; w++)
        {
            var operands = Ops[w].Operands;
            var spec = Ops[w].Spec;
            var layout = specs[spec];
            var count = operands.Count;
            for (var i = 0; i < count; i++) Values[w * Stride + i] = (int)operands[i];
            ref var word = ref Words[w];
            word.Action = spec.Action;
            word.Function = spec.Function;
            word.Kind = layout.Kind;
            word.RegStart = regAt;
            word.RegCount = (byte)layout.Registers.Length;
            foreach (var i in layout.Registers) RegisterNumbers[regAt++] = (byte)operands[i];
            switch (word.Kind)
            {
                case CoreKind.Scalar:
                    word.A = (int)operands[0];
                    switch (word.Action)
                    {
                        case OpAction.LoadImmediateLow: word.C = Value(w, Opd.Imm); break;
                        case OpAction.LoadImmediateHigh: word.B = word.A; word.C = Value(w, Opd.Imm); break;
                        case OpAction.ScalarImmediate: word.B = Value(w, Opd.Rs); word.C = Value(w, Opd.Imm); break;
                        case OpAction.LoadWord: word.B = Value(w, Opd.Addr); break;
                        default: word.B = Value(w, Opd.Rs); word.C = Value(w, Opd.Rt); break;
                    }
                    break;
                case CoreKind.Branch:
                    word.C = (int)operands[count - 1];
                    if (word.Action == OpAction.Loop) word.A = Value(w, Opd.Counter);
                    else if (word.Action == OpAction.Branch) { word.A = Value(w, Opd.A); word.B = Value(w, Opd.B); }
                    break;
            }
        }
    }

    /// <summary>Operand <paramref name="name"/> of word <paramref name="w"/> (which must have it).</summary>
    public int Value(int w, Opd name)
    {
        var at = Positions[PositionBase[w] + (int)name];
        if (at < 0) throw new InvalidOperationException($"'{Ops[w].Spec.Mnemonic}' has no operand {name}");
        return Values[w * Stride + at];
    }

    /// <summary>
    /// This program with the <c>li.lo</c> at <paramref name="word"/> loading <paramref name="value"/> (a layer loop's
    /// counter, for runs with fewer layers): it shares every array with this program, so a shortened copy costs a few
    /// bytes instead of the program's size (32 cores x 2 programs x 3 layer counts of OPT-30B's prefill held 960 MB).
    /// </summary>
    public CoreProgram WithCounter(int word, int value)
    {
        if (Words[word].Action != OpAction.LoadImmediateLow)
            throw new InvalidOperationException($"word {word} is '{Ops[word].Mnemonic}', not li.lo");
        return new CoreProgram(this, word, value);
    }

    private CoreProgram(CoreProgram shared, int word, int value)
    {
        Ops = shared.Ops;
        Words = shared.Words;
        Values = shared.Values;
        PositionBase = shared.PositionBase;
        Positions = shared.Positions;
        RegisterNumbers = shared.RegisterNumbers;
        CounterWord = word;
        CounterValue = value;
    }

    /// <summary>The word whose <c>li.lo</c> loads <see cref="CounterValue"/> instead of its immediate; -1 = none.</summary>
    public int CounterWord { get; } = -1;

    public int CounterValue { get; }

    public Op[] Ops { get; }

    /// <summary>Per word: what the hot loop needs.</summary>
    public CoreWord[] Words { get; }

    /// <summary>Operand values, <see cref="Stride"/> per word, in the spec's operand order.</summary>
    public int[] Values { get; }

    /// <summary>Per word: offset in <see cref="Positions"/> of its spec's map from <see cref="Opd"/> to operand position.</summary>
    public int[] PositionBase { get; }

    /// <summary>Per distinct spec, <see cref="NameCount"/> entries: operand position of each <see cref="Opd"/>, -1 when absent.</summary>
    public sbyte[] Positions { get; }

    /// <summary>Register numbers of each word's register operands (see <see cref="CoreWord.RegStart"/>).</summary>
    public byte[] RegisterNumbers { get; }

    /// <summary>The dispatch of the timing model: the spec's action column.</summary>
    private static CoreKind KindOf(OpSpec spec) => spec.Action switch
    {
        OpAction.Nop => CoreKind.Nop,
        OpAction.Halt => CoreKind.Halt,
        OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate or OpAction.ScalarRegister or OpAction.LoadWord => CoreKind.Scalar,
        OpAction.StoreWord => CoreKind.ScalarOther,
        OpAction.Jump or OpAction.Branch or OpAction.Loop => CoreKind.Branch,
        OpAction.EventSignal => CoreKind.EventSignal,
        OpAction.EventWait => CoreKind.EventWait,
        OpAction.Barrier => CoreKind.Barrier,
        OpAction.HbmPrefetchWait => CoreKind.PrefetchWait,
        OpAction.NocReceive => CoreKind.NocReceive,
        OpAction.AllGather or OpAction.AllReduce => CoreKind.NocCollective,
        OpAction.TcuShape => CoreKind.TcuShape,
        OpAction.TcuLeadingDimensions => CoreKind.TcuLd,
        OpAction.MacroLoad => CoreKind.PimLd,
        OpAction.Gemv => CoreKind.PimGemv,
        OpAction.Gemm => CoreKind.TcuGemm,
        OpAction.Transpose => CoreKind.Transpose,
        OpAction.Move => CoreKind.Move,
        OpAction.Move2d => CoreKind.Move2d,
        OpAction.HbmLoad => CoreKind.HbmLoad,
        OpAction.HbmStore => CoreKind.HbmStore,
        OpAction.HbmPrefetch => CoreKind.HbmPrefetch,
        OpAction.NocSend => CoreKind.NocSend,
        OpAction.VectorBinary or OpAction.VectorScalar or OpAction.VectorUnary or OpAction.VectorFill or OpAction.VectorReduce
            or OpAction.VectorDot => CoreKind.Vcu,
        _ => CoreKind.Unmodelled,
    };
}
