using Pimcc.Isa.Encoding;

namespace Pimcc.Sim.Timing;

/// <summary>The operand names the core timing model reads, as small integers (indices into <see cref="CoreProgram.OperandIndex"/>).</summary>
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
/// A core stream decoded once per binary for the hot loop: per word, where each named operand sits in its
/// instruction (or -1), and which operands are registers (the scoreboard waits for those). Saves a search by
/// operand name per access and an enumerator per scheduled instruction.
/// </summary>
internal sealed class CoreProgram
{
    private static readonly string[] Names = Enum.GetNames<Opd>().Select(n => n.ToLowerInvariant()).ToArray();

    public CoreProgram(IReadOnlyList<Op> ops)
    {
        Ops = ops as Op[] ?? ops.ToArray();
        OperandIndex = new int[Ops.Length][];
        RegisterOperands = new int[Ops.Length][];
        Mnemonics = new CoreMnemonic[Ops.Length];
        var bySpec = new Dictionary<OpSpec, (int[] Index, int[] Registers)>(ReferenceEqualityComparer.Instance);
        for (var w = 0; w < Ops.Length; w++)
        {
            var spec = Ops[w].Spec;
            if (!bySpec.TryGetValue(spec, out var e))
            {
                var index = new int[Names.Length];
                for (var n = 0; n < Names.Length; n++)
                {
                    index[n] = -1;
                    for (var i = 0; i < spec.Operands.Count; i++)
                        if (spec.Operands[i].Name == Names[n]) index[n] = i;
                }
                var regs = Enumerable.Range(0, spec.Operands.Count).Where(i => spec.Operands[i].Kind == FieldKind.Register).ToArray();
                bySpec[spec] = e = (index, regs);
            }
            Mnemonics[w] = MnemonicOf(spec.Mnemonic);
            OperandIndex[w] = e.Index;
            RegisterOperands[w] = e.Registers;
        }
    }

    public Op[] Ops { get; }

    /// <summary>Per word: the mnemonic as a <see cref="CoreMnemonic"/>.</summary>
    public CoreMnemonic[] Mnemonics { get; }

    private static CoreMnemonic MnemonicOf(string mnemonic) => mnemonic switch
    {
        "li.lo" => CoreMnemonic.LiLo, "li.hi" => CoreMnemonic.LiHi, "addi" => CoreMnemonic.Addi, "add" => CoreMnemonic.Add,
        "sub" => CoreMnemonic.Sub, "mul" => CoreMnemonic.Mul, "and" => CoreMnemonic.And, "or" => CoreMnemonic.Or,
        "xor" => CoreMnemonic.Xor, "shl" => CoreMnemonic.Shl, "shr" => CoreMnemonic.Shr, "slt" => CoreMnemonic.Slt,
        "min" => CoreMnemonic.Min, "max" => CoreMnemonic.Max, "jmp" => CoreMnemonic.Jmp, "loop" => CoreMnemonic.Loop,
        "beq" => CoreMnemonic.Beq, "bne" => CoreMnemonic.Bne, "blt" => CoreMnemonic.Blt, "lw" => CoreMnemonic.Lw,
        _ => CoreMnemonic.Other,
    };

    /// <summary>Per word: operand position of each <see cref="Opd"/> name, -1 when the instruction has no such operand.</summary>
    public int[][] OperandIndex { get; }

    /// <summary>Per word: positions of the register operands.</summary>
    public int[][] RegisterOperands { get; }
}
