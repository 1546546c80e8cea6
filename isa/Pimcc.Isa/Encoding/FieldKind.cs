namespace Pimcc.Isa.Encoding;

/// <summary>How an operand's bits are interpreted, bound in assembly, and printed.</summary>
public enum FieldKind
{
    /// <summary>Scalar register number, written <c>r0</c>..<c>r31</c>.</summary>
    Register,
    /// <summary>Unsigned integer, 0 .. 2^w-1.</summary>
    Unsigned,
    /// <summary>Unsigned count that must be at least 1 (a zero count is an out-of-range operand).</summary>
    Count,
    /// <summary>Two's-complement integer.</summary>
    Signed,
    /// <summary>Two's-complement word offset relative to the instruction itself; assembly may give a label.</summary>
    Offset,
    /// <summary>Named value; codes without a name are out of range.</summary>
    Enum,
}

/// <summary>A named enumeration used by <see cref="FieldKind.Enum"/> fields; the code of a name is its index.</summary>
public sealed record EnumDomain(string Name, IReadOnlyList<string> Names, string Description)
{
    /// <summary>The code of a value name, e.g. <c>SramFormats.DataType.Code("fp16") == 0</c>.</summary>
    public long Code(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name)
                return i;
        throw new ArgumentException($"{Name} has no value '{name}'", nameof(name));
    }
}

/// <summary>One operand slot of a format: its kind and width; positions follow from the order (MSB first).</summary>
public sealed record FieldSlot(FieldKind Kind, int Width, EnumDomain? Domain = null);

/// <summary>
/// A reusable word layout. The opcode always occupies the top <see cref="OpTable.OpcodeBits"/> bits; the slots
/// follow MSB first; the bits below the last slot are reserved and must be zero.
/// </summary>
public sealed record WordFormat(string Name, int WordBits, IReadOnlyList<FieldSlot> Slots)
{
    /// <summary>The bits below the last slot (worked out once: the decoder asks for every word).</summary>
    public int ReservedBits { get; } = WordBits - OpTable.OpcodeBits - Slots.Sum(s => s.Width);
}

/// <summary>An operand as placed in one table row: name, bit range (inclusive), kind, and legal range. The range and
/// mask are worked out once (every word encoded, decoded or checked reads them).</summary>
public sealed record Field(string Name, int Hi, int Lo, FieldKind Kind, EnumDomain? Domain)
{
    public int Width => Hi - Lo + 1;

    public long Min { get; } = Kind switch
    {
        FieldKind.Signed or FieldKind.Offset => -(1L << (Hi - Lo)),
        FieldKind.Count => 1,
        _ => 0,
    };

    public long Max { get; } = Kind switch
    {
        FieldKind.Signed or FieldKind.Offset => (1L << (Hi - Lo)) - 1,
        FieldKind.Enum => Domain!.Names.Count - 1,
        _ => (1L << (Hi - Lo + 1)) - 1,
    };

    public ulong Mask { get; } = Hi - Lo + 1 == 64 ? ulong.MaxValue : (1UL << (Hi - Lo + 1)) - 1;

    public bool Accepts(long value) => value >= Min && value <= Max;

    /// <summary>Bits of the value in place in the word.</summary>
    public ulong Place(long value) => ((ulong)value & Mask) << Lo;

    /// <summary>The field's value read from a word (sign-extended for signed kinds); not range-checked.</summary>
    public long Extract(ulong word)
    {
        var raw = (word >> Lo) & Mask;
        if ((Kind is FieldKind.Signed or FieldKind.Offset) && (raw >> (Width - 1)) != 0)
            return (long)raw - (1L << Width);
        return (long)raw;
    }

    /// <summary>Syntax shown in the reference, e.g. <c>dst:reg</c>, <c>off:simm14</c>.</summary>
    public string Syntax => Kind switch
    {
        FieldKind.Register => $"{Name}:reg",
        FieldKind.Unsigned => $"{Name}:u{Width}",
        FieldKind.Count => $"{Name}:count{Width}",
        FieldKind.Signed => $"{Name}:s{Width}",
        FieldKind.Offset => $"{Name}:label/s{Width}",
        FieldKind.Enum => $"{Name}:{Domain!.Name}",
        _ => Name,
    };
}
