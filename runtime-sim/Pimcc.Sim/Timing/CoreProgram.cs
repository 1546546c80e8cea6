using System.Runtime.CompilerServices;
using Pimcc.Isa.Encoding;

namespace Pimcc.Sim.Timing;

/// <summary>The operand names the core timing model reads, as small integers (indices into a spec's position map).</summary>
internal enum Opd
{
    Src, Dst, Bytes, Event, Rs, Rt, Imm, Count, Shape, Len, Group, Tag, Cores, Barrier, Acc, Macro, Core, Dt, Counter,
    A, B, C, S, Stride, N, M, K, Lda, Ldb, Ldc, Chan, Addr,
}

/// <summary>The mnemonics the core timing model tells apart in its hot paths (scalar ALU and branches); the rest are <see cref="Other"/>.</summary>
internal enum CoreMnemonic : byte
{
    Other, LiLo, LiHi, Addi, Add, Sub, Mul, And, Or, Xor, Shl, Shr, Slt, Min, Max, Jmp, Loop, Beq, Bne, Blt, Lw,
}

/// <summary>
/// What the core's hot loop does with a word: the dispatch of <see cref="CoreAgent"/> resolved once per word from the
/// spec's timing class and mnemonic (instead of a string switch per executed instruction).
/// </summary>
internal enum CoreKind : byte
{
    Nop, Halt,
    /// <summary>Scalar ALU op with a decoded <see cref="CoreWord"/> (li.lo, li.hi, addi, lw, the R3 ops).</summary>
    Scalar,
    /// <summary>Scalar ALU op without a fast form (executed by the generic path).</summary>
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
    public CoreMnemonic Mnemonic;
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
    private sealed record SpecLayout(int Base, int[] Registers, CoreMnemonic Mnemonic, CoreKind Kind)
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
            var mn = MnemonicOf(spec.Mnemonic);
            return new SpecLayout(b, regs, mn, KindOf(spec, mn));
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
            word.Mnemonic = layout.Mnemonic;
            word.Kind = layout.Kind;
            word.RegStart = regAt;
            word.RegCount = (byte)layout.Registers.Length;
            foreach (var i in layout.Registers) RegisterNumbers[regAt++] = (byte)operands[i];
            switch (word.Kind)
            {
                case CoreKind.Scalar:
                    word.A = (int)operands[0];
                    switch (word.Mnemonic)
                    {
                        case CoreMnemonic.LiLo: word.C = Value(w, Opd.Imm); break;
                        case CoreMnemonic.LiHi: word.B = word.A; word.C = Value(w, Opd.Imm); break;
                        case CoreMnemonic.Addi: word.B = Value(w, Opd.Rs); word.C = Value(w, Opd.Imm); break;
                        case CoreMnemonic.Lw: word.B = Value(w, Opd.Addr); break;
                        default: word.B = Value(w, Opd.Rs); word.C = Value(w, Opd.Rt); break;
                    }
                    break;
                case CoreKind.Branch:
                    word.C = (int)operands[count - 1];
                    if (word.Mnemonic == CoreMnemonic.Loop) word.A = Value(w, Opd.Counter);
                    else if (word.Mnemonic != CoreMnemonic.Jmp) { word.A = Value(w, Opd.A); word.B = Value(w, Opd.B); }
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

    private static CoreMnemonic MnemonicOf(string mnemonic) => mnemonic switch
    {
        "li.lo" => CoreMnemonic.LiLo, "li.hi" => CoreMnemonic.LiHi, "addi" => CoreMnemonic.Addi, "add" => CoreMnemonic.Add,
        "sub" => CoreMnemonic.Sub, "mul" => CoreMnemonic.Mul, "and" => CoreMnemonic.And, "or" => CoreMnemonic.Or,
        "xor" => CoreMnemonic.Xor, "shl" => CoreMnemonic.Shl, "shr" => CoreMnemonic.Shr, "slt" => CoreMnemonic.Slt,
        "min" => CoreMnemonic.Min, "max" => CoreMnemonic.Max, "jmp" => CoreMnemonic.Jmp, "loop" => CoreMnemonic.Loop,
        "beq" => CoreMnemonic.Beq, "bne" => CoreMnemonic.Bne, "blt" => CoreMnemonic.Blt, "lw" => CoreMnemonic.Lw,
        _ => CoreMnemonic.Other,
    };

    /// <summary>The dispatch of the timing model: by timing class, then (data path) by mnemonic.</summary>
    private static CoreKind KindOf(OpSpec spec, CoreMnemonic mn) => spec.Timing switch
    {
        TimingClass.Nop => CoreKind.Nop,
        TimingClass.Halt => CoreKind.Halt,
        TimingClass.ScalarAlu => mn == CoreMnemonic.Other ? CoreKind.ScalarOther : CoreKind.Scalar,
        TimingClass.Branch => CoreKind.Branch,
        TimingClass.EventSync => spec.Mnemonic == "ev.sig" ? CoreKind.EventSignal : CoreKind.EventWait,
        TimingClass.Barrier => CoreKind.Barrier,
        TimingClass.HbmPrefetchWait => CoreKind.PrefetchWait,
        TimingClass.NocPointToPoint when spec.Mnemonic == "noc.recv" => CoreKind.NocReceive,
        TimingClass.NocCollective => CoreKind.NocCollective,
        _ => spec.Mnemonic switch
        {
            "tcu.shape" => CoreKind.TcuShape,
            "tcu.ld" => CoreKind.TcuLd,
            "pim.ld" => CoreKind.PimLd,
            "pim.gemv" => CoreKind.PimGemv,
            "tcu.gemm" => CoreKind.TcuGemm,
            "tr" => CoreKind.Transpose,
            "mv" => CoreKind.Move,
            "mv.2d" => CoreKind.Move2d,
            "hbm.ld" => CoreKind.HbmLoad,
            "hbm.st" => CoreKind.HbmStore,
            "hbm.pf" => CoreKind.HbmPrefetch,
            "noc.send" => CoreKind.NocSend,
            _ => spec.Unit == Unit.Vcu ? CoreKind.Vcu : CoreKind.Unmodelled,
        },
    };
}
