using System.Runtime.CompilerServices;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// What the machine-level passes need to know of one SRAM-PIM word, read off its table row (the operand field kinds and
/// the row's <see cref="OpAction"/>), never off its mnemonic: the scalar registers it reads and writes, whether it is a
/// pure scalar definition (no effect but its destination register), its control flow, and the inputs of a scalar
/// definition (<see cref="Rs"/>, <see cref="Rt"/>, <see cref="Imm"/>: its <c>rs</c>, <c>rt</c> and <c>imm</c> operands,
/// 0 where the row has none), so the passes never look an operand up by name.
/// </summary>
internal readonly record struct CoreWord(OpAction Action, Arithmetic Function, uint Reads, int Dest, bool Pure, int Target, bool FallsThrough,
    int Rs, int Rt, int Imm)
{
    /// <summary>The bit of <see cref="Dest"/> (0 when the word writes no register or writes r0, which stays 0).</summary>
    public uint Writes => Dest > 0 ? 1u << Dest : 0;

    public bool IsControl => Target >= 0 || !FallsThrough;

    /// <summary>What a table row says about its operands, worked out once per row.</summary>
    private sealed record Shape(OpAction Action, Arithmetic Function, int[] Registers, int DestField, bool ReadsDest, int OffsetField, bool Pure,
        int[] ReadFields, int RsField, int RtField, int ImmField);

    /// <summary>Rows by reference: a table's rows are its own instances, and a record's hash (every field of the row) costs more than the word.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<OpSpec, Shape> Shapes = new(ReferenceEqualityComparer.Instance);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Arithmetic, bool> Identities = new();

    private static readonly uint[] Probes = [0, 1, 2, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x1234_5678];

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
        // The operands a scalar definition's value is computed from (ArithmeticSemantics): a row without them is a table error.
        var rs = action is OpAction.ScalarImmediate or OpAction.ScalarRegister ? spec.IndexOf("rs") : -1;
        var rt = action is OpAction.ScalarRegister ? spec.IndexOf("rt") : -1;
        var imm = action is OpAction.LoadImmediateLow or OpAction.LoadImmediateHigh or OpAction.ScalarImmediate ? spec.IndexOf("imm") : -1;
        return new Shape(action, spec.Function, registers, dest, readsDest, offset, defines && action != OpAction.Loop,
            registers.Where(i => i != dest).ToArray(), rs, rt, imm);
    });

    /// <summary>x f 0 = x for every x (probed): <c>rX = rX f z</c> with z known 0 is an identity. Integer functions only.</summary>
    public static bool RightIdentityZero(Arithmetic f) =>
        Identities.GetOrAdd(f, static f => Probes.All(x => ArithmeticSemantics.Integer(f, x, 0) == x));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        return new CoreWord(shape.Action, shape.Function, reads, dest, shape.Pure, target, shape.Action is not (OpAction.Jump or OpAction.Halt),
            Field(op, shape.RsField), Field(op, shape.RtField), Field(op, shape.ImmField));
    }

    private static int Field(Op op, int index) => index >= 0 ? (int)op.Operands[index] : 0;

    /// <summary><paramref name="op"/>'s branch offset field can hold <paramref name="offset"/> (the word has one).</summary>
    public static bool AcceptsOffset(Op op, long offset) => op.Spec.Operands[ShapeOf(op.Spec).OffsetField].Accepts(offset);

    /// <summary><paramref name="op"/> branching <paramref name="offset"/> words away (the word has an offset field).</summary>
    public static Op WithOffset(Op op, long offset)
    {
        Span<long> operands = stackalloc long[Operands.Capacity];
        for (var i = 0; i < op.Operands.Count; i++) operands[i] = op.Operands[i];
        operands[ShapeOf(op.Spec).OffsetField] = offset;
        return new Op(op.Spec, new Operands(operands[..op.Operands.Count]));
    }

    /// <summary>
    /// <paramref name="op"/> with every register field it only reads (not its destination) that names a register of
    /// <paramref name="registers"/> (a bit set) naming <paramref name="to"/> instead; false when no field does.
    /// </summary>
    public static bool TryRedirectReads(Op op, uint registers, int to, out Op redirected)
    {
        Span<long> operands = stackalloc long[Operands.Capacity];
        var n = op.Operands.Count;
        for (var i = 0; i < n; i++) operands[i] = op.Operands[i];
        var changed = false;
        foreach (var i in ShapeOf(op.Spec).ReadFields)
        {
            var reg = (int)operands[i];
            if ((uint)reg >= 32 || (registers & (1u << reg)) == 0) continue;
            operands[i] = to;
            changed = true;
        }
        redirected = changed ? new Op(op.Spec, new Operands(operands[..n])) : op;
        return changed;
    }
}
