using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>A ranked tensor type: element type and dimensions (each a <see cref="SymExpr"/>). Printed <c>f16[seq,768]</c>.</summary>
public sealed record TensorType(ElementType Element, ImmutableArray<SymExpr> Shape)
{
    public static TensorType Of(ElementType element, params SymExpr[] shape) => new(element, [.. shape]);

    public int Rank => Shape.Length;

    public bool IsStatic => Shape.All(d => d.IsConstant);

    /// <summary>Number of elements; linear in at most one symbolic dimension.</summary>
    public SymExpr ElementCount => Shape.Aggregate(SymExpr.Const(1), (acc, d) => acc * d);

    /// <summary>Storage size in bytes (sub-byte types packed, rounded up). Requires a static shape.</summary>
    public long StaticBytes
    {
        get
        {
            var n = ElementCount;
            if (!n.IsConstant) throw new NonLinearException($"shape of {this} is symbolic");
            return checked((n.Constant * Element.Bits() + 7) / 8);
        }
    }

    public TensorType WithShape(params SymExpr[] shape) => this with { Shape = [.. shape] };

    public TensorType WithElement(ElementType element) => this with { Element = element };

    public bool Equals(TensorType? other) =>
        other is not null && Element == other.Element && Shape.SequenceEqual(other.Shape);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Element);
        foreach (var d in Shape) h.Add(d);
        return h.ToHashCode();
    }

    public override string ToString() => $"{Element.Name()}[{string.Join(",", Shape)}]";
}
