namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>Shape arithmetic shared by the inference rules: broadcasting, axes, element counts.</summary>
internal static class ShapeMath
{
    public static int NormalizeAxis(long axis, int rank, string where) =>
        axis >= -rank && axis < Math.Max(rank, 1) ? (int)(axis < 0 ? axis + rank : axis)
            : throw new ShapeInferenceException(where, $"axis {axis} is out of range for rank {rank}");

    /// <summary>
    /// Numpy broadcasting of dimensions. A known size against a symbolic one yields the known size:
    /// the symbol must equal it or be 1 for the model to be valid, and either way the result is it.
    /// </summary>
    public static DimExpr BroadcastDim(DimExpr a, DimExpr b, string origin, string where)
    {
        if (a.Equals(b) || b.TryConstant == 1) return a;
        if (a.TryConstant == 1) return b;
        if (a.IsConstant && b.IsConstant)
            throw new ShapeInferenceException(where, $"dimensions {a} and {b} do not broadcast");
        if (a.IsConstant) return a;
        if (b.IsConstant) return b;
        return DimExpr.Unknown(origin);
    }

    public static IReadOnlyList<DimExpr>? Broadcast(IEnumerable<IReadOnlyList<DimExpr>?> shapes, string origin, string where)
    {
        var list = shapes.ToList();
        if (list.Any(s => s is null)) return null;
        var rank = list.Max(s => s!.Count);
        var result = new DimExpr[rank];
        for (var i = 0; i < rank; i++)
        {
            DimExpr? d = null;
            foreach (var s in list)
            {
                var j = i - (rank - s!.Count);
                if (j < 0) continue;
                d = d is null ? s[j] : BroadcastDim(d, s[j], $"{origin}:{i}", where);
            }
            result[i] = d!;
        }
        return result;
    }

    /// <summary>Product of dims as an expression, when it stays linear (at most one symbolic factor).</summary>
    public static DimExpr? Product(IEnumerable<DimExpr> dims)
    {
        DimExpr? p = DimExpr.Of(1);
        foreach (var d in dims)
            p = p is null ? null : DimExpr.Multiply(p, d);
        return p;
    }

    public static bool IsInteger(OnnxDataType t) =>
        t is OnnxDataType.Int64 or OnnxDataType.Int32 or OnnxDataType.Int16 or OnnxDataType.UInt16 or OnnxDataType.Int8
            or OnnxDataType.UInt8 or OnnxDataType.Bool;
}

/// <summary>An inconsistency inference found (shapes that cannot match); becomes an InvalidModel error.</summary>
internal sealed class ShapeInferenceException(string where, string message) : Exception(message)
{
    public string Where { get; } = where;
}
