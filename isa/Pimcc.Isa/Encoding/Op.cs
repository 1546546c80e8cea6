using Pimcc.Diagnostics;

namespace Pimcc.Isa.Encoding;

/// <summary>
/// One decoded SRAM-PIM instruction or HBM-PIM command: its table row and its operand values, in the
/// row's operand order. Construct through <see cref="OpTable.Make(string, ReadOnlySpan{long})"/> or <see cref="Create"/>,
/// which check every operand against its field.
/// </summary>
public readonly record struct Op
{
    private readonly int _spec;

    public Op(OpSpec spec, Operands operands)
    {
        _spec = spec.Id;
        Operands = operands;
    }

    /// <summary>The op's table row (held as its <see cref="OpSpec.Id"/>: an op holds no reference).</summary>
    public OpSpec Spec => OpSpec.ById(_spec);

    public Operands Operands { get; }

    public void Deconstruct(out OpSpec spec, out Operands operands)
    {
        spec = Spec;
        operands = Operands;
    }

    public static Op Create(OpSpec spec, ReadOnlySpan<long> operands, string location = "")
    {
        if (operands.Length != spec.Operands.Count)
            throw new PimccError(ExitCode.MalformedInput, Where(location, spec),
                $"'{spec.Mnemonic}' takes {spec.Operands.Count} operand(s), got {operands.Length}", $"syntax: {spec.Syntax}");
        var fields = spec.Fields;
        for (var i = 0; i < operands.Length; i++)
            if (!fields[i].Accepts(operands[i]))
                throw OutOfRange(spec, fields[i], operands[i], location);
        return new Op(spec, new Operands(operands));
    }

    public long this[string operand] => Operands[Spec.IndexOf(operand)];

    public string Mnemonic => Spec.Mnemonic;

    internal static PimccError OutOfRange(OpSpec spec, Field f, long value, string location) =>
        new(ExitCode.OperandOutOfRange, Where(location, spec),
            $"operand '{f.Name}' of '{spec.Mnemonic}' is {value}, outside [{f.Min}, {f.Max}]",
            f.Kind == FieldKind.Enum ? $"one of {string.Join(", ", f.Domain!.Names)}" : $"field is {f.Width} bits ({f.Syntax})");

    private static string Where(string location, OpSpec spec) => location.Length > 0 ? location : spec.Mnemonic;

    public override string ToString() => Operands.Count == 0 ? Spec.Mnemonic : $"{Spec.Mnemonic} {Operands}";
}
