using Pimcc.Targets.Hbm;

namespace Pimcc.Isa.Encoding;

/// <summary>
/// One row of an instruction or command table: everything the encoder, decoder, assembler, disassembler,
/// reference documentation, sync checker, timing model and functional executor need to know about one opcode.
/// The semantic columns (<see cref="Action"/>, <see cref="Function"/>, <see cref="DramCommand"/>,
/// <see cref="Energy"/>) are the only place an instruction's meaning is stated; consumers read them when they
/// decode a word and never compare mnemonics.
/// </summary>
public sealed record OpSpec(
    IsaKind Isa,
    string Mnemonic,
    int Opcode,
    OpClass Class,
    Unit Unit,
    WordFormat Format,
    IReadOnlyList<Field> Operands,
    TimingClass Timing,
    OpAction Action,
    Arithmetic Function,
    HbmCommand? DramCommand,
    IReadOnlyList<EnergyEvent> Energy,
    string Summary)
{
    public int WordBits => Format.WordBits;

    /// <summary>Assembly syntax, e.g. <c>vadd dst:reg, a:reg, b:reg, len:reg, dt:dtype</c>.</summary>
    public string Syntax => Operands.Count == 0 ? Mnemonic : Mnemonic + " " + string.Join(", ", Operands.Select(o => o.Syntax));

    /// <summary>Bit layout MSB first, e.g. <c>opcode[31:24]=0x50 dst[23:19] ... reserved[1:0]</c>.</summary>
    public string Layout
    {
        get
        {
            var hiOp = WordBits - 1;
            var parts = new List<string> { $"opcode[{hiOp}:{hiOp - OpTable.OpcodeBits + 1}]=0x{Opcode:X2}" };
            parts.AddRange(Operands.Select(o => o.Hi == o.Lo ? $"{o.Name}[{o.Hi}]" : $"{o.Name}[{o.Hi}:{o.Lo}]"));
            var res = Format.ReservedBits;
            if (res > 0)
                parts.Add(res == 1 ? "0[0]" : $"0[{res - 1}:0]");
            return string.Join(" ", parts);
        }
    }

    public int IndexOf(string operand)
    {
        for (var i = 0; i < Operands.Count; i++)
            if (Operands[i].Name == operand)
                return i;
        throw new ArgumentException($"{Mnemonic} has no operand '{operand}'", nameof(operand));
    }

    public override string ToString() => Mnemonic;
}
