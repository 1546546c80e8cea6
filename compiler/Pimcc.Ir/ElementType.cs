namespace Pimcc.Ir;

/// <summary>Element types the IR knows. Sub-byte types (INT4, INT1, ternary) are packed in storage.</summary>
public enum ElementType
{
    F32,
    F16,
    BF16,
    I64,
    I32,
    I8,
    I4,
    I1,
    /// <summary>Ternary {-1, 0, +1}, stored in 2 bits (BitNet-style weights).</summary>
    Ternary,
    Bool,
}

public static class ElementTypes
{
    private static readonly (ElementType Type, string Name, int Bits)[] Table =
    [
        (ElementType.F32, "f32", 32),
        (ElementType.F16, "f16", 16),
        (ElementType.BF16, "bf16", 16),
        (ElementType.I64, "i64", 64),
        (ElementType.I32, "i32", 32),
        (ElementType.I8, "i8", 8),
        (ElementType.I4, "i4", 4),
        (ElementType.I1, "i1", 1),
        (ElementType.Ternary, "tern", 2),
        (ElementType.Bool, "bool", 8),
    ];

    public static string Name(this ElementType t) => Table[(int)t].Name;

    /// <summary>Storage bits per element.</summary>
    public static int Bits(this ElementType t) => Table[(int)t].Bits;

    public static bool IsFloat(this ElementType t) => t is ElementType.F32 or ElementType.F16 or ElementType.BF16;

    public static bool TryParse(string name, out ElementType type)
    {
        foreach (var row in Table)
        {
            if (row.Name == name)
            {
                type = row.Type;
                return true;
            }
        }
        type = default;
        return false;
    }

    public static IEnumerable<string> Names => Table.Select(r => r.Name);
}
