namespace Pimcc.Ir.Ops;

/// <summary>Compute/memory character of an operation, as the operator-annotation pass tags it.</summary>
public enum OpClass
{
    /// <summary>Matrix-matrix product (several rows of activations): compute-bound.</summary>
    Gemm,
    /// <summary>Matrix-vector product with a weight matrix (one activation row): memory-bound.</summary>
    Gemv,
    /// <summary>Q·K^T or S·V with one query row against the KV cache (decode attention).</summary>
    AttentionGemv,
    /// <summary>Softmax, normalisations, activations: transcendental or reduction work.</summary>
    Nonlinear,
    /// <summary>Element-wise arithmetic: residual add, gating multiply, rotary embedding.</summary>
    ElementWise,
    /// <summary>Embedding lookups, reshapes, transposes, slices: moves data, no arithmetic.</summary>
    DataMovement,
}

public static class OpClassNames
{
    public static string Name(this OpClass c) => c switch
    {
        OpClass.Gemm => "gemm",
        OpClass.Gemv => "gemv",
        OpClass.AttentionGemv => "attention-gemv",
        OpClass.Nonlinear => "nonlinear",
        OpClass.ElementWise => "element-wise",
        OpClass.DataMovement => "data-movement",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static bool TryParse(string s, out OpClass c)
    {
        foreach (var v in Enum.GetValues<OpClass>())
            if (v.Name() == s) { c = v; return true; }
        c = default;
        return false;
    }
}
