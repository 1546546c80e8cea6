namespace Pimcc.Isa.Encoding;

/// <summary>
/// What the container's structural rules need to know about a row (docs/binary-format.md, "Stream rules"): branch
/// targets are its <see cref="FieldKind.Offset"/> operands; besides those, a row may start a repeated block or load an
/// immediate (the counter of a layer loop).
/// </summary>
public enum OpFlow : byte
{
    /// <summary>Runs once and falls through (or branches by its offset operands).</summary>
    Straight,
    /// <summary>Loads its <c>imm</c> operand into a register: a layer table's loop form points at one that loads the layer count.</summary>
    LoadImmediate,
    /// <summary>Repeats the next <c>body</c> words: bodies nest, stay inside the stream, and no program or layer block starts inside one.</summary>
    Repeat,
}

/// <summary>
/// A target's semantic columns of one table row. The shared machinery only renders them (reference documentation,
/// <see cref="Columns"/>); the target's consumers read the typed record.
/// </summary>
public interface IOpSemantics
{
    /// <summary>Column name and value, in the order the reference documentation shows them.</summary>
    IReadOnlyList<KeyValuePair<string, string>> Columns { get; }
}
