namespace Pimcc.Isa.Encoding;

/// <summary>
/// Up to <see cref="Capacity"/> operand values held inline, with value equality (no allocation per op). Every
/// field of both tables is at most 24 bits wide, so values are stored as 32-bit integers to keep a decoded op
/// small (large programs hold millions of them).
/// </summary>
public readonly record struct Operands
{
    public const int Capacity = 8;

    private readonly int _v0, _v1, _v2, _v3, _v4, _v5, _v6, _v7;

    public Operands(ReadOnlySpan<long> values)
    {
        if (values.Length > Capacity)
            throw new ArgumentException($"at most {Capacity} operands", nameof(values));
        Count = values.Length;
        _v0 = Count > 0 ? Narrow(values[0]) : 0;
        _v1 = Count > 1 ? Narrow(values[1]) : 0;
        _v2 = Count > 2 ? Narrow(values[2]) : 0;
        _v3 = Count > 3 ? Narrow(values[3]) : 0;
        _v4 = Count > 4 ? Narrow(values[4]) : 0;
        _v5 = Count > 5 ? Narrow(values[5]) : 0;
        _v6 = Count > 6 ? Narrow(values[6]) : 0;
        _v7 = Count > 7 ? Narrow(values[7]) : 0;
    }

    public int Count { get; }

    private static int Narrow(long v) => v is >= int.MinValue and <= int.MaxValue ? (int)v
        : throw new ArgumentOutOfRangeException(nameof(v), v, "operand values are at most 32 bits");

    public long this[int index] => (uint)index >= (uint)Count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : index switch { 0 => _v0, 1 => _v1, 2 => _v2, 3 => _v3, 4 => _v4, 5 => _v5, 6 => _v6, _ => _v7 };

    public long[] ToArray()
    {
        var a = new long[Count];
        for (var i = 0; i < Count; i++)
            a[i] = this[i];
        return a;
    }

    public override string ToString() => string.Join(", ", ToArray());
}
