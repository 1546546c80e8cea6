using static Pimcc.Ir.Ops.ShapeMath;

namespace Pimcc.Ir.Ops;

/// <summary>Operations that move or reinterpret data without arithmetic.</summary>
public static class DataMovementOps
{
    /// <summary><c>embedding(ids: i64[S], table: T[V,D]) -> T[S,D]</c>: gathers rows of the table.</summary>
    public static readonly OpDef Embedding = new(
        "embedding", "row gather from an embedding table", 2, 2, [],
        s =>
        {
            ExpectRank(s, 0, 1);
            ExpectRank(s, 1, 2);
            if (s[0].Element is not (ElementType.I64 or ElementType.I32)) throw s.Error("ids must be i64 or i32");
            return One(s[1].WithShape(s[0].Shape[0], s[1].Shape[1]));
        },
        (s, r) => new OpCost(OpClass.DataMovement, SymExpr.Zero, Bytes(s[0]) + Bytes(r[0]), Bytes(r[0])));

    /// <summary><c>position_ids() {start, count, offset} -> i64[count]</c>: start+offset, start+offset+1, ...</summary>
    public static readonly OpDef PositionIds = new(
        "position_ids", "positions of the tokens being processed", 0, 0,
        [new("start", AttrKind.Expr), new("count", AttrKind.Expr), new("offset", AttrKind.Int)],
        s => One(TensorType.Of(ElementType.I64, s.Attrs.Expr("count"))),
        (s, r) => new OpCost(OpClass.DataMovement, SymExpr.Zero, SymExpr.Zero, Bytes(r[0])));

    /// <summary><c>last_token(x: T[S,D]) -> T[1,D]</c>: the last row (the only logits generation needs).</summary>
    public static readonly OpDef LastToken = new(
        "last_token", "select the last row", 1, 1, [],
        s =>
        {
            ExpectRank(s, 0, 2);
            return One(s[0].WithShape(1, s[0].Shape[1]));
        },
        (s, r) => new OpCost(OpClass.DataMovement, SymExpr.Zero, Bytes(r[0]), Bytes(r[0])));

    /// <summary><c>transpose(x) {perm}</c>.</summary>
    public static readonly OpDef Transpose = new(
        "transpose", "permute axes", 1, 1, [new("perm", AttrKind.IntList)],
        s =>
        {
            var perm = s.Attrs.Ints("perm");
            if (perm.Length != s[0].Rank || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
                throw s.Error($"perm [{string.Join(",", perm)}] is not a permutation of rank {s[0].Rank}");
            return One(s[0].WithShape([.. perm.Select(p => s[0].Shape[(int)p])]));
        },
        Move);

    /// <summary><c>reshape(x) {shape}</c>: same elements, new dimensions (symbolic allowed).</summary>
    public static readonly OpDef Reshape = new(
        "reshape", "reinterpret dimensions", 1, 1, [new("shape", AttrKind.Any)],
        s =>
        {
            var shape = ShapeAttr(s, "shape");
            var t = s[0].WithShape([.. shape]);
            if (t.ElementCount != s[0].ElementCount)
                throw s.Error($"cannot reshape {s[0]} to {t}: element counts differ");
            return One(t);
        },
        Move);

    /// <summary><c>cast(x) {to}</c>: element type conversion.</summary>
    public static readonly OpDef Cast = new(
        "cast", "convert element type", 1, 1, [new("to", AttrKind.String)],
        s => ElementTypes.TryParse(s.Attrs.Str("to"), out var to)
            ? One(s[0].WithElement(to))
            : throw s.Error($"unknown element type '{s.Attrs.Str("to")}'"),
        Move);

    private static OpCost Move(OpSignature s, System.Collections.Immutable.ImmutableArray<TensorType> r) =>
        new(OpClass.DataMovement, SymExpr.Zero, Bytes(s.Operands), Bytes(r));

    /// <summary>Reads a list attribute of dimension expressions.</summary>
    public static IEnumerable<SymExpr> ShapeAttr(OpSignature s, string name) =>
        s.Attrs.TryGetValue(name, out var v) && v is ListAttr l && l.Items.All(i => i is ExprAttr)
            ? l.Items.Select(i => ((ExprAttr)i).Value)
            : throw s.Error($"attribute '{name}' must be a list of dimensions");
}
