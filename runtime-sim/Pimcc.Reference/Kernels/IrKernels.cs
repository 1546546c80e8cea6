using Pimcc.Ir;

namespace Pimcc.Reference.Kernels;

/// <summary>Kernels for the transformer-level opcodes of <see cref="Ir.Ops.OpRegistry"/>, one case per opcode.</summary>
public static class IrKernels
{
    /// <summary>Every IR opcode this class executes; a test checks it equals <see cref="Ir.Ops.OpRegistry.All"/>.</summary>
    public static readonly IReadOnlyList<string> Opcodes =
    [
        "linear", "matmul", "attention", "layer_norm", "rms_norm", "softmax", "relu", "gelu", "silu", "soft_cap",
        "add", "sub", "mul", "div", "rotary", "embedding", "position_ids", "last_token", "transpose", "reshape", "cast",
    ];

    public static Tensor[] Run(OpContext ctx) => [RunOne(ctx)];

    private static Tensor RunOne(OpContext ctx)
    {
        switch (ctx.Op.Opcode)
        {
            case "linear": return MatrixKernels.Linear(ctx, ctx[0], ctx[1], ctx.Optional(2));
            case "matmul": return MatrixKernels.MatMul(ctx, ctx[0], ctx[1]);
            case "attention": return AttentionKernel.Run(ctx);
            case "layer_norm": return NormKernels.LayerNorm(ctx, ctx[0], LastAxis(ctx), ctx.Optional(1), ctx.Optional(2), ctx.Float("eps"), rms: false).Y;
            case "rms_norm": return NormKernels.LayerNorm(ctx, ctx[0], LastAxis(ctx), ctx[1], null, ctx.Float("eps"), rms: true).Y;
            case "softmax": return NormKernels.Softmax(ctx, ctx[0], ctx.Axis(ctx.Int("axis"), ctx[0].Rank));
            case "relu": return ElementWise.MapFloat(ctx, ctx[0], x => Math.Max(x, 0));
            case "gelu": return Gelu(ctx, ctx[0], ctx.Str("approximate"));
            case "silu": return ElementWise.MapFloat(ctx, ctx[0], x => x * SpecialFunctions.Sigmoid(x));
            case "soft_cap": return SoftCap(ctx, ctx[0], ctx.Float("cap"));
            case "add": return ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a + b, (a, b) => a + b);
            case "sub": return ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a - b, (a, b) => a - b);
            case "mul": return ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a * b, (a, b) => a * b);
            case "div": return ElementWise.Binary(ctx, ctx[0], ctx[1], (a, b) => a / b, (a, b) => IntDivide(ctx, a, b));
            case "rotary": return RotaryKernel.Run(ctx);
            case "embedding": return Embedding(ctx, ctx[0], ctx[1]);
            case "position_ids": return PositionIds(ctx);
            case "last_token": return LastToken(ctx, ctx[0]);
            case "transpose": return Indexing.Transpose(ctx[0], Permutation(ctx, ctx.Ints("perm"), ctx[0].Rank));
            case "reshape": return Reshape(ctx, ctx[0]);
            case "cast": return Cast(ctx, ctx[0], ElementTypes.TryParse(ctx.Str("to"), out var to) ? to : throw ctx.Error($"unknown element type '{ctx.Str("to")}'"));
            default: throw ReferenceErrors.Unsupported(ctx.Location, $"the reference interpreter has no kernel for opcode '{ctx.Op.Opcode}'");
        }
    }

    /// <summary>GELU with <c>approximate</c> = "none" (exact, erf) or "tanh".</summary>
    public static Tensor Gelu(OpContext ctx, Tensor x, string approximate) => approximate switch
    {
        "none" => ElementWise.MapFloat(ctx, x, SpecialFunctions.GeluExact),
        "tanh" => ElementWise.MapFloat(ctx, x, SpecialFunctions.GeluTanh),
        _ => throw ctx.Error($"approximate = \"{approximate}\"; expected \"none\" or \"tanh\""),
    };

    /// <summary><c>cap·tanh(x/cap)</c> (Gemma 2's soft-capping of logits).</summary>
    public static Tensor SoftCap(OpContext ctx, Tensor x, double cap) =>
        cap > 0 ? ElementWise.MapFloat(ctx, x, v => cap * Math.Tanh(v / cap)) : throw ctx.Error($"cap must be positive, found {cap}");

    /// <summary>Integer division truncating toward zero (C, ONNX Runtime); division by zero is a user error.</summary>
    public static long IntDivide(OpContext ctx, long a, long b) =>
        b == 0 ? throw ctx.Error("integer division by zero") : a / b;

    private static int LastAxis(OpContext ctx) =>
        ctx[0].Rank >= 1 ? ctx[0].Rank - 1 : throw ctx.Error("input must have rank >= 1");

    private static Tensor Embedding(OpContext ctx, Tensor ids, Tensor table)
    {
        if (ids.Rank != 1 || table.Rank != 2 || ids.Ints is null) throw ctx.Error($"embedding needs ids[S] (integers) and table[V,D]; got {ids} and {table}");
        long vocab = table.Shape[0], dim = table.Shape[1];
        var map = new long[ids.Length * dim];
        for (long s = 0; s < ids.Length; s++)
        {
            var id = ids.Ints[s];
            if (id < 0 || id >= vocab) throw ctx.Error($"token id {id} at position {s} is outside the vocabulary [0, {vocab})");
            for (long c = 0; c < dim; c++) map[s * dim + c] = id * dim + c;
        }
        return Indexing.Take(table, [ids.Length, dim], map);
    }

    private static Tensor PositionIds(OpContext ctx)
    {
        long start = ctx.Expr("start"), count = ctx.Expr("count"), offset = ctx.Int("offset");
        if (count < 0) throw ctx.Error($"count {count} is negative");
        var ids = new long[count];
        for (long i = 0; i < count; i++) ids[i] = start + offset + i;
        return Tensor.I64([count], ids);
    }

    private static Tensor LastToken(OpContext ctx, Tensor x)
    {
        if (x.Rank != 2 || x.Shape[0] < 1) throw ctx.Error($"last_token needs x[S,D] with S >= 1; got {x.ShapeText}");
        long rows = x.Shape[0], dim = x.Shape[1];
        var map = new long[dim];
        for (long c = 0; c < dim; c++) map[c] = (rows - 1) * dim + c;
        return Indexing.Take(x, [1, dim], map);
    }

    private static Tensor Reshape(OpContext ctx, Tensor x)
    {
        if (!ctx.Attrs.TryGetValue("shape", out var v) || v is not ListAttr list || list.Items.Any(i => i is not ExprAttr))
            throw ctx.Error("attribute 'shape' must be a list of dimensions");
        var shape = list.Items.Select(i => ctx.Eval(((ExprAttr)i).Value)).ToArray();
        if (shape.Any(d => d < 0) || Tensor.Count(shape) != x.Length)
            throw ctx.Error($"cannot reshape {x.ShapeText} to [{string.Join(",", shape)}]");
        return x.Reshaped(shape);
    }

    public static int[] Permutation(OpContext ctx, IReadOnlyList<long> perm, int rank)
    {
        if (perm.Count != rank || perm.Order().Select((p, i) => p == i).Any(ok => !ok))
            throw ctx.Error($"perm [{string.Join(",", perm)}] is not a permutation of rank {rank}");
        return [.. perm.Select(p => (int)p)];
    }

    /// <summary>
    /// Element type conversion: float→float rounds to nearest even; float→integer truncates toward
    /// zero then wraps (NaN/inf give 0, as C#'s saturating conversion of non-finite values is not a
    /// defined result); anything→bool is "≠ 0"; bool→number is 0/1.
    /// </summary>
    public static Tensor Cast(OpContext ctx, Tensor x, ElementType to)
    {
        var n = x.Length;
        if (to.IsFloat())
        {
            var r = new float[n];
            for (var i = 0; i < n; i++) r[i] = (float)x.GetDouble(i);
            return Tensor.Float(to, x.Shape, r);
        }
        if (to == ElementType.Bool)
        {
            var b = new bool[n];
            for (var i = 0; i < n; i++) b[i] = x.GetDouble(i) != 0;
            return Tensor.Bool(x.Shape, b);
        }
        var l = new long[n];
        for (var i = 0; i < n; i++)
        {
            if (x.Floats is { } f) l[i] = float.IsFinite(f[i]) ? (long)Math.Truncate((double)f[i]) : 0;
            else l[i] = x.GetLong(i);
        }
        _ = ctx;
        return Tensor.Int(to, x.Shape, l);
    }
}
