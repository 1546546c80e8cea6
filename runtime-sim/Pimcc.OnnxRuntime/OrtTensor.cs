namespace Pimcc.OnnxRuntime;

/// <summary>
/// A tensor handed to or returned by ONNX Runtime: its ONNX Runtime type name (<c>float32</c>, <c>int64</c>, <c>bool</c>,
/// ...), its dimensions and its values widened to double (exact for every type listed in <see cref="OrtTypes"/>
/// except 64-bit integers beyond 2^53, which token ids and shapes never reach).
/// </summary>
public sealed record OrtTensor(string DType, long[] Dims, double[] Data)
{
    /// <summary>A <c>[1, n]</c> int64 tensor of token ids: the <c>input_ids</c> of a causal LM.</summary>
    public static OrtTensor InputIds(IReadOnlyList<long> ids) => new("int64", [1, ids.Count], [.. ids.Select(i => (double)i)]);
}
