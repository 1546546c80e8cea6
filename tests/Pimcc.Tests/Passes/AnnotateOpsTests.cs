using Pimcc.Compiler.Passes;
using Pimcc.Ir;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Passes;

public class AnnotateOpsTests
{
    private static Operation Op(Module m, string func, string id) => m.FindFunction(func)!.Body.Single(o => o.Id == id);

    [Fact]
    public void DecodeCostsAreLinearInKvAndMatchHandCounts()
    {
        var (m, records) = PassTestKit.Run(TinyDecoder.Build(prompt: 5, generated: 3), "bind-workload,annotate-ops");
        // q_proj on one row: 2*1*8*8 FLOPs; bytes: x (8 f16) + W (64 f16) in, y (8 f16) out.
        var q = Op(m, Module.Decode, "l0.out_q");
        q.Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("gemv");
        q.Attrs.Expr(AnnotateOps.FlopsAttr).ShouldBe(SymExpr.Const(128));
        q.Attrs.Expr(AnnotateOps.BytesAttr).ShouldBe(SymExpr.Const((8 + 64 + 8) * 2));
        // decode attention: kv+1 scores per head, 2 heads, (4 MAC-pairs x 4 dims + 5 softmax) each.
        var attn = Op(m, Module.Decode, "l0.attn");
        attn.Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("attention-gemv");
        attn.Attrs.Expr(AnnotateOps.FlopsAttr).ShouldBe((SymExpr.Sym("kv") + 1) * (2 * (4 * 4 + 5)));
        // q,k,v in (3x8 f16) + cache read kv x (k,v) x 2 heads x 4 dims f16; out (8 f16) + cache write 1 row.
        attn.Attrs.Expr(AnnotateOps.BytesAttr).ShouldBe(SymExpr.Sym("kv", 32) + 48 + 16 + 32);
        // intensity at kv = prompt (5): (42*6) / (32*5+96)
        attn.Attrs.Float(AnnotateOps.IntensityAttr).ShouldBe(Math.Round(252.0 / 256.0, 4));
        var decodeFlops = PassTestKit.Stat(records, "annotate-ops", "decode-flops");
        decodeFlops.ShouldBe(m.FindFunction(Module.Decode)!.Body
            .Sum(o => o.Attrs.Expr(AnnotateOps.FlopsAttr).Evaluate(new Dictionary<string, long> { ["kv"] = 5 })));
    }

    [Fact]
    public void PrefillCostsUseTheBoundPromptAndCausalTriangle()
    {
        var (m, _) = PassTestKit.Run(TinyDecoder.Build(prompt: 5, generated: 3), "bind-workload,annotate-ops");
        var q = Op(m, Module.Prefill, "l0.out_q");
        q.Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("gemm");
        q.Attrs.Expr(AnnotateOps.FlopsAttr).ShouldBe(SymExpr.Const(2 * 5 * 8 * 8));
        // causal: 5*6/2 = 15 (query, key) pairs per head.
        Op(m, Module.Prefill, "l0.attn").Attrs.Expr(AnnotateOps.FlopsAttr).ShouldBe(SymExpr.Const(15 * 2 * (4 * 4 + 5)));
        Op(m, Module.Prefill, "l0.act").Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("nonlinear");
        Op(m, Module.Prefill, "l0.res1").Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("element-wise");
        Op(m, Module.Prefill, "tok").Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("data-movement");
    }
}
