using System.Collections.Frozen;
using Pimcc.Diagnostics;

namespace Pimcc.Isa.Encoding;

/// <summary>
/// A declared instruction (or command) table and the encoder/decoder derived from it. Rows are declared with
/// <see cref="Row"/>; operand positions follow from the row's format, MSB first after the opcode.
/// </summary>
public sealed class OpTable
{
    /// <summary>Width of the opcode field at the top of every word; 256 opcodes leave room for other targets.</summary>
    public const int OpcodeBits = 8;

    private readonly OpSpec?[] _byOpcode = new OpSpec?[1 << OpcodeBits];
    private readonly FrozenDictionary<string, OpSpec> _byMnemonic;

    public OpTable(string name, int wordBits, IReadOnlyList<OpSpec> rows, IReadOnlyList<(int First, int Last, string Use)> opcodeMap,
        bool namedOperands = false)
    {
        NamedOperands = namedOperands;
        if (wordBits is not (32 or 64))
            throw new InvalidOperationException($"{name}: words are 32 or 64 bits, not {wordBits}");
        Name = name;
        WordBits = wordBits;
        Rows = rows;
        OpcodeMap = opcodeMap;
        foreach (var r in rows)
        {
            if (r.WordBits != wordBits || r.Table != name)
                throw new InvalidOperationException($"{r.Mnemonic}: row does not belong to table {name}");
            if (_byOpcode[r.Opcode] is { } other)
                throw new InvalidOperationException($"{r.Mnemonic}: opcode 0x{r.Opcode:X2} already used by {other.Mnemonic}");
            _byOpcode[r.Opcode] = r;
        }
        _byMnemonic = rows.ToFrozenDictionary(r => r.Mnemonic, StringComparer.Ordinal);
        if (_byMnemonic.Count != rows.Count)
            throw new InvalidOperationException($"{name}: duplicate mnemonic");
    }

    /// <summary>The table's name (<c>SRAM-PIM</c>); every row names it.</summary>
    public string Name { get; }
    public int WordBits { get; }

    /// <summary>Whether assembly text writes operands with their field names (<c>act pc=0, bg=1</c>) rather than by position.</summary>
    public bool NamedOperands { get; }

    /// <summary>Bytes per word in a stream section.</summary>
    public int WordBytes => WordBits / 8;
    public IReadOnlyList<OpSpec> Rows { get; }

    /// <summary>Opcode ranges and what they are for (including ranges reserved for other targets).</summary>
    public IReadOnlyList<(int First, int Last, string Use)> OpcodeMap { get; }

    public OpSpec? TryGet(string mnemonic) => _byMnemonic.GetValueOrDefault(mnemonic);

    public OpSpec Get(string mnemonic) => TryGet(mnemonic) ?? throw new ArgumentException($"{Name}: no mnemonic '{mnemonic}'", nameof(mnemonic));

    public OpSpec? TryGet(int opcode) => (uint)opcode < (uint)_byOpcode.Length ? _byOpcode[opcode] : null;

    /// <summary>Builds a checked op: <c>SramIsa.Table.Make("vadd", 1, 2, 3, 4, (long)DataType.Fp16)</c>.</summary>
    public Op Make(string mnemonic, params ReadOnlySpan<long> operands) => Op.Create(Get(mnemonic), operands);

    public ulong Encode(Op op)
    {
        var spec = op.Spec;
        if (!ReferenceEquals(spec.Table, Name) && spec.Table != Name)
            throw new ArgumentException($"{spec.Mnemonic} is not in table {Name}", nameof(op));
        var word = (ulong)spec.Opcode << (WordBits - OpcodeBits);
        var fields = spec.Fields;
        var operands = op.Operands;
        for (var i = 0; i < fields.Length; i++)
        {
            var v = operands[i];
            if (!fields[i].Accepts(v))
                throw Op.OutOfRange(spec, fields[i], v, "");
            word |= fields[i].Place(v);
        }
        return word;
    }

    /// <summary>Decodes one word; unknown opcodes and bad operand codes are <see cref="PimccError"/>s at <paramref name="location"/>.</summary>
    public Op Decode(ulong word, string location) => Decode(word, location, -1);

    /// <summary>Decodes word <paramref name="index"/> of a section; the location text is only built for an error.</summary>
    public Op Decode(ulong word, string section, int index)
    {
        var opcode = (int)(word >> (WordBits - OpcodeBits));
        var spec = TryGet(opcode) ?? throw new PimccError(ExitCode.UnknownOpcode, Where(section, index),
            $"unknown {Name} opcode 0x{opcode:X2} in word 0x{word.ToString(WordBits == 32 ? "X8" : "X16", System.Globalization.CultureInfo.InvariantCulture)}",
            "the binary is corrupt or was written for another target or a newer pimcc");
        var reserved = spec.Format.ReservedBits;
        if (reserved > 0 && (word & ((1UL << reserved) - 1)) != 0)
            throw new PimccError(ExitCode.OperandOutOfRange, Where(section, index),
                $"reserved bits [{reserved - 1}:0] of '{spec.Mnemonic}' are not zero", "the binary is corrupt");
        Span<long> values = stackalloc long[spec.Operands.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var f = spec.Operands[i];
            values[i] = f.Extract(word);
            if (!f.Accepts(values[i]))
                throw Op.OutOfRange(spec, f, values[i], Where(section, index));
        }
        return new Op(spec, new Operands(values));
    }

    private static string Where(string section, int index) =>
        index < 0 ? section : section + " word " + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Declares one table row: positions operands MSB first after the opcode, in the format's slot order.</summary>
    public static OpSpec Row(string table, string mnemonic, int opcode, WordFormat format, string operandNames, OpFlow flow,
        IOpSemantics semantics, string summary)
    {
        var names = operandNames.Length == 0 ? [] : operandNames.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length != format.Slots.Count)
            throw new InvalidOperationException($"{mnemonic}: format {format.Name} has {format.Slots.Count} slots, row names {names.Length}");
        if (format.ReservedBits < 0)
            throw new InvalidOperationException($"{mnemonic}: format {format.Name} is wider than {format.WordBits} bits");
        var fields = new Field[names.Length];
        var hi = format.WordBits - OpcodeBits - 1;
        for (var i = 0; i < names.Length; i++)
        {
            var s = format.Slots[i];
            fields[i] = new Field(string.Intern(names[i]), hi, hi - s.Width + 1, s.Kind, s.Domain);
            hi -= s.Width;
        }
        if (flow == OpFlow.Repeat && !names.Contains("body") || flow == OpFlow.LoadImmediate && !names.Contains("imm"))
            throw new InvalidOperationException($"{mnemonic}: a {flow} row needs operand '{(flow == OpFlow.Repeat ? "body" : "imm")}'");
        return OpSpec.Registered(new OpSpec(table, mnemonic, opcode, format, fields, flow, semantics, summary));
    }
}
