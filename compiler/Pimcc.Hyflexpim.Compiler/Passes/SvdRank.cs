using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Reference;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// HyFlexPIM's gradient-redistribution step 1-2: every layer linear <c>W [D1 out, D2 in]</c> is decomposed
/// <c>W = U Σ Vᵀ</c> (MathNet.Numerics SVD) and truncated to rank <c>R = floor(D1·D2 / (D1 + D2))</c>, so that
/// <c>U [D1, R]</c> and <c>Σ Vᵀ [R, D2]</c> hold no more parameters (and MACs) than <c>W</c>. The linear becomes two
/// GEMVs, <c>x -> Σ Vᵀ -> U</c> (bias on the second). Config-only models get the factor shapes without data.
/// </summary>
public sealed class SvdRank : Pass
{
    public static readonly Statistic Factored = new("linears-factored", "layer linears replaced by two rank-R GEMVs");
    public static readonly Statistic Ranks = new("ranks", "singular directions kept, over all factored weights");
    public static readonly Statistic Decomposed = new("weights-decomposed", "weights with data whose SVD was computed");

    public override string Name => "svd-rank";
    public override string Summary => "factor every layer linear by SVD truncated to rank D1*D2/(D1+D2): two GEMVs, Sigma*V^T then U";
    public override ImmutableArray<Statistic> Statistics => [Factored, Ranks, Decomposed];
    public override ImmutableArray<string> Requires => [IrProperty.ShapesInferred];
    public override ImmutableArray<string> Establishes => [A.SvdFactored];
    public override ImmutableArray<string> Invalidates => [IrProperty.Annotated];

    /// <summary>The rank that keeps parameters and MACs: floor(D1·D2 / (D1 + D2)).</summary>
    public static long TruncatedRank(long d1, long d2) => d1 * d2 / (d1 + d2);

    public override Module Run(Module module, PassContext context)
    {
        var factors = new Dictionary<string, (Weight SigmaVt, Weight U)>(StringComparer.Ordinal);
        (Weight, Weight) FactorsOf(string name)
        {
            if (factors.TryGetValue(name, out var f)) return f;
            var w = module.FindWeight(name)!;
            f = Factor(w, context);
            context.Stats.Add(Ranks, f.SigmaVt.Type.Shape[0].Constant);
            return factors[name] = f;
        }

        var functions = module.Functions.Select(fn => fn.WithBody(fn.Body.SelectMany(op =>
        {
            if (op.Opcode != "linear" || !A.LayerRoles.Contains(op.Attrs.StrOr("role", "")) || op.Operands[1].Kind != OperandKind.Weight)
                return new[] { op };
            var (sigmaVt, u) = FactorsOf(op.Operands[1].Name);
            context.Stats.Add(Factored);
            var x = op.Operands[0];
            var y = op.Result;
            var mid = new Value(y.Name + ".svd", y.Type.WithShape(y.Type.Shape[0], sigmaVt.Type.Shape[0]));
            var first = new Operation("linear", [x, Operand.W(sigmaVt.Name)], [mid], op.Attrs.Set(A.Factor, A.SigmaVt));
            var second = new Operation("linear", [mid.Use, Operand.W(u.Name), .. op.Operands.Skip(2)], [y], op.Attrs.Set(A.Factor, A.U));
            return (IEnumerable<Operation>)[first, second];
        }))).ToList();

        var used = functions.SelectMany(f => f.Body).SelectMany(o => o.Operands).Where(o => o.Kind == OperandKind.Weight).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var weights = module.Weights.SelectMany(w =>
            factors.TryGetValue(w.Name, out var f) ? (used.Contains(w.Name) ? [w, f.SigmaVt, f.U] : new[] { f.SigmaVt, f.U }) : [w]);
        return module with { Weights = [.. weights], Functions = [.. functions] };
    }

    private static (Weight SigmaVt, Weight U) Factor(Weight w, PassContext context)
    {
        long d1 = w.Type.Shape[0].Constant, d2 = w.Type.Shape[1].Constant;
        var r = TruncatedRank(d1, d2);
        // Factors are not checkpoint tensors: none of the source weight's loader attributes (source, source_range, ...) apply.
        var attrs = AttrMap.Empty.Set(A.SvdOf, w.Name).Set(A.Rank, r);
        var sigmaVt = Weight.Shaped(w.Name + ".svd_vt", w.Type.WithShape(SymExpr.Const(r), SymExpr.Const(d2))) with { Attrs = attrs.Set(A.Factor, A.SigmaVt) };
        var u = Weight.Shaped(w.Name + ".svd_u", w.Type.WithShape(SymExpr.Const(d1), SymExpr.Const(r))) with { Attrs = attrs.Set(A.Factor, A.U) };
        if (!w.HasData) return (sigmaVt, u);

        context.Stats.Add(Decomposed);
        var values = WeightData.Decode(w.Type, w.Data, $"weight @{w.Name}").Floats!;
        var m = Matrix<double>.Build.Dense((int)d1, (int)d2, (i, j) => values[i * d2 + j]);
        var svd = m.Svd(computeVectors: true);
        var s = svd.S;
        var sv = new double[r * d2];
        for (var k = 0; k < r; k++)
            for (var j = 0; j < d2; j++) sv[k * d2 + j] = s[k] * svd.VT[k, (int)j];
        var uv = new double[d1 * r];
        for (var i = 0; i < d1; i++)
            for (var k = 0; k < r; k++) uv[i * r + k] = svd.U[(int)i, k];
        var sigma = Enumerable.Range(0, (int)r).Select(k => s[k]).ToList();
        return (sigmaVt with { Data = WeightData.Encode(w.Type.Element, sv), Attrs = sigmaVt.Attrs.Set(A.Sigma, AttrValue.Of(sigma)) },
                u with { Data = WeightData.Encode(w.Type.Element, uv) });
    }
}
