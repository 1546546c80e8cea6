using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Who reads a rotary op's result. The rotary rewrites (<see cref="FoldRotaryAmplitude"/>, <see cref="DeinterleaveRotary"/>)
/// change the rotated values themselves and keep only the attention scores q·k; that is exact when the values are read
/// by nothing else.
/// </summary>
internal static class RotatedValues
{
    /// <summary>
    /// Whether every value <paramref name="rotated"/> names in <paramref name="f"/> is read only as an attention's query
    /// or key (its operands 0 and 1) and none is returned.
    /// </summary>
    public static bool ReadOnlyAsQueryOrKey(Function f, Func<string, bool> rotated) =>
        !f.Returns.Any(r => r.Kind == OperandKind.Value && rotated(r.Name))
        && f.Body.All(op => op.Operands.Select((o, i) => (o, i))
            .All(x => x.o.Kind != OperandKind.Value || !rotated(x.o.Name) || (op.Opcode == AttentionOps.Attention.Name && x.i < 2)));
}
