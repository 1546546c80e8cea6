namespace Pimcc.Frontends.Onnx;

/// <summary>
/// A decoded ONNX tensor (initializer or Constant value). <see cref="Data"/> holds the elements in
/// row-major order in a typed array: float[] (Float), Half[] (Float16), ushort[] (BFloat16 bit
/// patterns), double[] (Double), long[] (Int64), int[] (Int32), short[] (Int16), ushort[] (UInt16),
/// sbyte[] (Int8), byte[] (UInt8), bool[] (Bool). BFloat16 and UInt16 share ushort[]; conversions
/// go by <see cref="DataType"/>.
/// </summary>
public sealed class OnnxTensor
{
    public OnnxTensor(string name, OnnxDataType dataType, IReadOnlyList<long> dims, Array data)
    {
        Name = name;
        DataType = dataType;
        Dims = dims;
        Data = data;
    }

    public string Name { get; }
    public OnnxDataType DataType { get; }
    public IReadOnlyList<long> Dims { get; }
    public Array Data { get; }
    public int ElementCount => Data.Length;

    /// <summary>Elements converted to float (exact for every type but Int64/Int32/Double beyond 2^24).</summary>
    public float[] ToFloat32()
    {
        var result = new float[ElementCount];
        switch (Data)
        {
            case float[] f: f.CopyTo(result, 0); break;
            case Half[] h: for (var i = 0; i < h.Length; i++) result[i] = (float)h[i]; break;
            case ushort[] bf when DataType == OnnxDataType.BFloat16: for (var i = 0; i < bf.Length; i++) result[i] = BFloat16ToSingle(bf[i]); break;
            case double[] d: for (var i = 0; i < d.Length; i++) result[i] = (float)d[i]; break;
            default: var l = ToInt64(); for (var i = 0; i < l.Length; i++) result[i] = l[i]; break;
        }
        return result;
    }

    /// <summary>Elements converted to long; only for integer and bool tensors.</summary>
    public long[] ToInt64() => Data switch
    {
        long[] l => (long[])l.Clone(),
        int[] i => Array.ConvertAll(i, v => (long)v),
        short[] s => Array.ConvertAll(s, v => (long)v),
        ushort[] u when DataType == OnnxDataType.UInt16 => Array.ConvertAll(u, v => (long)v),
        sbyte[] s => Array.ConvertAll(s, v => (long)v),
        byte[] b => Array.ConvertAll(b, v => (long)v),
        bool[] b => Array.ConvertAll(b, v => v ? 1L : 0L),
        _ => throw new InvalidOperationException($"tensor '{Name}' of type {DataType} is not an integer tensor"),
    };

    /// <summary>bfloat16 is the upper half of a float32's bits.</summary>
    public static float BFloat16ToSingle(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    public override string ToString() => $"{Name}: {DataType}[{string.Join(", ", Dims)}]";
}
