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

    /// <summary>What a table row says about its operands, worked out once per row.</summary>
    private sealed record Shape(OpAction Action, Arithmetic Function, int[] Registers, int DestField, bool ReadsDest, int OffsetField, bool Pure, int[] ReadFields);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OpSpec, Shape> Shapes = new();

    private static Shape ShapeOf(OpSpec spec) => Shapes.GetOrAdd(spec, static spec =>
    {
        var action = spec.Action;
        // Rows whose first register field is a destination: the scalar definitions and the loop counter.
        var defines = action is OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate
            or OpAction.ScalarRegister or OpAction.LoadWord or OpAction.Loop;
        var registers = Enumerable.Range(0, spec.Operands.Count).Where(i => spec.Operands[i].Kind == FieldKind.Register).ToArray();
        var offset = Enumerable.Range(0, spec.Operands.Count).Where(i => spec.Operands[i].Kind == FieldKind.Offset).DefaultIfEmpty(-1).First();
        var dest = defines ? registers[0] : -1;
        // li.hi keeps the lower half, loop decrements: both read their destination too.
        var readsDest = action is OpAction.LoadImmediateHigh or OpAction.Loop;
        return new Shape(action, spec.Function, registers, dest, readsDest, offset, defines && action != OpAction.Loop,
            registers.Where(i => i != dest).ToArray());
    });

    public static CoreWord Of(Op op, int at)
    {
        var shape = ShapeOf(op.Spec);
        uint reads = 0;
        foreach (var i in shape.Registers)
        {
            var reg = (int)op.Operands[i];
            if (reg != 0 && (i != shape.DestField || shape.ReadsDest)) reads |= 1u << reg;
        }
        var dest = shape.DestField >= 0 ? (int)op.Operands[shape.DestField] : -1;
        var target = shape.OffsetField >= 0 ? at + (int)op.Operands[shape.OffsetField] : -1;
        return new CoreWord(shape.Action, shape.Function, reads, dest, shape.Pure, target, shape.Action is not (OpAction.Jump or OpAction.Halt));
    }

    /// <summary>Indices of <paramref name="op"/>'s register fields that are only read (not its destination).</summary>
    public static int[] ReadFields(Op op) => ShapeOf(op.Spec).ReadFields;
}
