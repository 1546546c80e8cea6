using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// What the machine-level passes need to know of one SRAM-PIM word, read off its table row (the operand field kinds and
/// the row's <see cref="OpAction"/>), never off its mnemonic: the scalar registers it reads and writes, whether it is a
/// pure scalar definition (no effect but its destination register), and its control flow.
/// </summary>
internal readonly record struct CoreWord(OpAction Action, Arithmetic Function, uint Reads, int Dest, bool Pure, int Target, bool FallsThrough)
{
    /// <summary>The bit of <see cref="Dest"/> (0 when the word writes no register or writes r0, which stays 0).</summary>
    public uint Writes => Dest > 0 ? 1u << Dest : 0;

    public bool IsControl => Target >= 0 || !FallsThrough;

    public static CoreWord Of(Op op, int at)
    {
        var spec = op.Spec;
        var action = spec.Action;
        // Rows whose first register field is a destination: the scalar definitions and the loop counter.
        var defines = action is OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate
            or OpAction.ScalarRegister or OpAction.LoadWord or OpAction.Loop;
        // li.hi keeps the lower half, loop decrements: both read their destination too.
        var readsDest = action is OpAction.LoadImmediateHigh or OpAction.Loop;
        uint reads = 0;
        int dest = -1, target = -1;
        for (var i = 0; i < spec.Operands.Count; i++)
        {
            var f = spec.Operands[i];
            if (f.Kind == FieldKind.Offset) target = at + (int)op.Operands[i];
            if (f.Kind != FieldKind.Register) continue;
            var reg = (int)op.Operands[i];
            if (defines && dest < 0)
            {
                dest = reg;
                if (!readsDest) continue;
            }
            if (reg != 0) reads |= 1u << reg;
        }
        var pure = defines && action != OpAction.Loop;
        return new CoreWord(action, spec.Function, reads, dest, pure, target, action is not (OpAction.Jump or OpAction.Halt));
    }

    /// <summary>Indices of <paramref name="op"/>'s register fields that are only read (not its destination).</summary>
    public static IEnumerable<int> ReadFields(Op op)
    {
        var w = Of(op, 0);
        var skipped = false;
        for (var i = 0; i < op.Spec.Operands.Count; i++)
        {
            if (op.Spec.Operands[i].Kind != FieldKind.Register) continue;
            if (w.Dest >= 0 && !skipped)
            {
                skipped = true;
                continue;
            }
            yield return i;
        }
    }
}
