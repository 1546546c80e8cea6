namespace Pimcc.Isa.Encoding;

/// <summary>
/// One row of an instruction or command table: everything the encoder, decoder, assembler, disassembler and reference
/// documentation need (the shared columns), plus the target's semantic columns in <see cref="Semantics"/> (unit, timing
/// class, energy events, scalar semantics: whatever the target's sync checker, timing model and functional executor
/// dispatch on). The semantic columns are the only place an instruction's meaning is stated; consumers read them when
/// they decode a word and never compare mnemonics. <see cref="Flow"/> is the one semantic column the container itself
/// reads (branch targets, repeated blocks, layer counters).
/// </summary>
public sealed record OpSpec(
    string Table,
    string Mnemonic,
    int Opcode,
    WordFormat Format,
    IReadOnlyList<Field> Operands,
    OpFlow Flow,
    IOpSemantics Semantics,
    string Summary)
{
    public int WordBits => Format.WordBits;

    /// <summary><see cref="Operands"/> as an array: encoding and checking a word index it without an interface call.</summary>
    internal Field[] Fields { get; } = [.. Operands];

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
        // Operand names are interned (OpTable.Row), so a name written in code is found by reference first.
        for (var i = 0; i < Operands.Count; i++)
            if (ReferenceEquals(Operands[i].Name, operand))
                return i;
        for (var i = 0; i < Operands.Count; i++)
            if (Operands[i].Name == operand)
                return i;
        throw new ArgumentException($"{Mnemonic} has no operand '{operand}'", nameof(operand));
    }

    public override string ToString() => Mnemonic;

    /// <summary>
    /// This row's number among every row of every table (1 up; 0 names none): what an <see cref="Op"/> holds instead of a
    /// reference, so word lists of millions of ops hold no references for the collector to scan or card-mark.
    /// </summary>
    public int Id { get; private set; }

    private static OpSpec?[] _rows = [null];
    private static readonly Lock RowsLock = new();

    /// <summary>Numbers <paramref name="row"/> (<see cref="OpTable"/> does, for each row it makes) and returns it.</summary>
    internal static OpSpec Registered(OpSpec row)
    {
        lock (RowsLock)
        {
            var rows = new OpSpec?[_rows.Length + 1];
            Array.Copy(_rows, rows, _rows.Length);
            row.Id = _rows.Length;
            rows[row.Id] = row;
            Volatile.Write(ref _rows, rows);                               // readers see the whole array or the one before it
        }
        return row;
    }

    /// <summary>The row numbered <paramref name="id"/> (null for 0).</summary>
    internal static OpSpec ById(int id) => Volatile.Read(ref _rows)[id]!;
}
