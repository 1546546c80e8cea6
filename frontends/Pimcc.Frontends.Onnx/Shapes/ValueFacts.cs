namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>
/// What inference knows about one value: element type, shape (null when even the rank is
/// unknown), and, for small integer/bool tensors of rank 0 or 1 computed from shapes (the
/// Shape/Gather/Concat arithmetic exporters emit), its elements as <see cref="DimExpr"/>s.
/// A value whose <see cref="Elements"/> are all constants is folded: <see cref="IsConstant"/>.
/// </summary>
public sealed record ValueFacts(OnnxDataType ElementType, IReadOnlyList<DimExpr>? Shape, IReadOnlyList<DimExpr>? Elements = null)
{
    public int? Rank => Shape?.Count;

    public bool IsConstant => Elements is not null && Elements.All(e => e.IsConstant);

    /// <summary>Constant elements as long; throws when not <see cref="IsConstant"/>.</summary>
    public long[] ConstantElements() =>
        IsConstant ? Elements!.Select(e => e.Constant).ToArray() : throw new InvalidOperationException("not a constant");

    public string ShapeText => Shape is null ? "?" : "[" + string.Join(", ", Shape) + "]";
}
