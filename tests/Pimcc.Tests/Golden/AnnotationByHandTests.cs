using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Passes;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;

namespace Pimcc.Tests.Golden;

/// <summary>
/// Decode-step FLOPs and weight bytes of real configs, counted by hand from the model equations
/// (a MAC is 2 FLOPs; per-element counts of nonlinear ops as documented in the op registry), compared
/// with what annotate-ops sums over the IR.
/// </summary>
public class AnnotationByHandTests
{
    private static Module Annotated(string model, int prompt) =>
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }).Run(
            HfConfigFrontend.Load(RepoPaths.Combine("samples", "hf-configs", model + ".json"), new HfWorkload(prompt, 64)),
            Pipeline.Parse(PassRegistry.FrontPipeline, PassRegistry.Default), model).Module;

    private static long Sum(Module m, string func, string attr, long kv, Func<Operation, bool>? where = null) =>
        m.FindFunction(func)!.Body.Where(where ?? (_ => true))
            .Sum(o => o.Attrs.Expr(attr).Evaluate(new Dictionary<string, long> { ["kv"] = kv }));

    [Fact]
    public void Opt125mDecodeStep()
    {
        const long d = 768, f = 3072, h = 12, hd = 64, layers = 12, vocab = 50272, kv = 100;
        var m = Annotated("opt-125m", 100);
        // per layer: 4 projections (with bias) + fc1, fc2 (with bias); attention over kv+1 keys;
        // 2 LayerNorms (8/elt), ReLU (1/elt), 2 residual adds (1/elt)
        long perLayer = 4 * (2 * d * d + d) + (2 * d * f + f) + (2 * f * d + d)
                        + (kv + 1) * h * (4 * hd + 5)
                        + 2 * 8 * d + f + 2 * d;
        // token + position embedding add, final LayerNorm, tied LM head
        long total = layers * perLayer + d + 8 * d + 2 * d * vocab;
        Sum(m, Module.Decode, AnnotateOps.FlopsAttr, kv).ShouldBe(total);
        // bytes of the linear layers = their weights, biases, input and output vectors (f16)
        long linearBytes = layers * (4 * (d * d + d + d + d) + (f * d + f + d + f) + (d * f + d + f + d)) + (vocab * d + d + vocab);
        Sum(m, Module.Decode, AnnotateOps.BytesAttr, kv, o => o.Opcode == "linear").ShouldBe(2 * linearBytes);
    }

    [Fact]
    public void Llama32_1bDecodeStepWithGqa()
    {
        const long d = 2048, f = 8192, h = 32, hkv = 8, hd = 64, layers = 16, vocab = 128256, kv = 200;
        var m = Annotated("llama-3.2-1b", 200);
        long kvw = hkv * hd;
        long perLayer = 2 * d * d + 2 * 2 * d * kvw + 2 * d * d   // q, k, v, o
                        + 3 * (2 * d * f)                          // gate, up, down
                        + 3 * d + 3 * kvw                          // rotary on q and k
                        + (kv + 1) * h * (4 * hd + 5)              // attention, 32 query heads
                        + 2 * 4 * d + 4 * f + f + 2 * d;           // 2 RMSNorms, SiLU, gate multiply, 2 residual adds
        long total = layers * perLayer + 4 * d + 2 * d * vocab;
        Sum(m, Module.Decode, AnnotateOps.FlopsAttr, kv).ShouldBe(total);
        // attention reads the KV cache of its 8 KV heads: kv positions x (K and V) x 8 x 64 x 2 bytes
        var attn = m.FindFunction(Module.Decode)!.Body.First(o => o.Opcode == "attention");
        long attnBytes = 3 * 0 + (d + kvw + kvw) * 2 + kv * 2 * kvw * 2 + d * 2 + 2 * kvw * 2;
        attn.Attrs.Expr(AnnotateOps.BytesAttr).Evaluate(new Dictionary<string, long> { ["kv"] = kv }).ShouldBe(attnBytes);
        attn.Attrs.Str(AnnotateOps.ClassAttr).ShouldBe("attention-gemv");
    }

    [Fact]
    public void Opt125mPrefillIsGemmAndDecodeIsGemv()
    {
        var m = Annotated("opt-125m", 64);
        m.FindFunction(Module.Prefill)!.Body.Where(o => o.Opcode == "linear" && o.Attrs.Str("role") != "lm_head")
            .ShouldAllBe(o => o.Attrs.Str(AnnotateOps.ClassAttr) == "gemm");
        m.FindFunction(Module.Decode)!.Body.Where(o => o.Opcode == "linear").ShouldAllBe(o => o.Attrs.Str(AnnotateOps.ClassAttr) == "gemv");
        // prefill q_proj over 64 tokens: 2*64*768*768 + 64*768 bias adds
        m.FindFunction(Module.Prefill)!.Body.Single(o => o.Id == "l0.q").Attrs.Expr(AnnotateOps.FlopsAttr)
            .ShouldBe(SymExpr.Const(2 * 64 * 768 * 768 + 64 * 768));
    }
}
