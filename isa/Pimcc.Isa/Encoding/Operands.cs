namespace Pimcc.Isa.Encoding;

/// <summary>Up to <see cref="Capacity"/> operand values held inline, with value equality (no allocation per op).</summary>
public readonly record struct Operands
{
    public const int Capacity = 6;

    private readonly long _v0, _v1, _v2, _v3, _v4, _v5;

    public Operands(ReadOnlySpan<long> values)
    {
        if (values.Length > Capacity)
            throw new ArgumentException($"at most {Capacity} operands", nameof(values));
        Count = values.Length;
        _v0 = Count > 0 ? values[0] : 0;
        _v1 = Count > 1 ? values[1] : 0;
        _v2 = Count > 2 ? values[2] : 0;
        _v3 = Count > 3 ? values[3] : 0;
        _v4 = Count > 4 ? values[4] : 0;
        _v5 = Count > 5 ? values[5] : 0;
    }

    public int Count { get; }

    public long this[int index] => (uint)index >= (uint)Count
        ? throw new ArgumentOutOfRangeException(nameof(index))
        : index switch { 0 => _v0, 1 => _v1, 2 => _v2, 3 => _v3, 4 => _v4, _ => _v5 };

    public long[] ToArray()
    {
        var a = new long[Count];
        for (var i = 0; i < Count; i++)
            a[i] = this[i];
        return a;
    }

    public override string ToString() => string.Join(", ", ToArray());
}
