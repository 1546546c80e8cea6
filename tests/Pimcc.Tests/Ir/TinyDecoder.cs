using Pimcc.Ir;

namespace Pimcc.Tests.Ir;

/// <summary>
/// A hand-built OPT-style decoder (pre-LayerNorm, ReLU FFN, learned positions) with small sizes,
/// used by IR and pass tests that must not depend on a frontend.
/// </summary>
public static class TinyDecoder
{
    public const long Hidden = 8, Heads = 2, HeadDim = 4, Ffn = 16, Vocab = 32, Layers = 2, Positions = 64;

    public static Module Build(long prompt = 5, long generated = 3, ElementType dt = ElementType.F16)
    {
        var weights = new List<Weight>
        {
            Weight.Shaped("embed", TensorType.Of(dt, Vocab, Hidden)),
            Weight.Shaped("pos", TensorType.Of(dt, Positions, Hidden)),
            Weight.Shaped("final.g", TensorType.Of(dt, Hidden)),
            Weight.Shaped("final.b", TensorType.Of(dt, Hidden)),
        };
        for (var l = 0; l < Layers; l++)
        {
            foreach (var n in new[] { "q", "k", "v", "o" }) weights.Add(Weight.Shaped($"l{l}.{n}", TensorType.Of(dt, Hidden, Hidden)));
            foreach (var n in new[] { "ln1.g", "ln1.b", "ln2.g", "ln2.b" }) weights.Add(Weight.Shaped($"l{l}.{n}", TensorType.Of(dt, Hidden)));
            weights.Add(Weight.Shaped($"l{l}.fc1", TensorType.Of(dt, Ffn, Hidden)));
            weights.Add(Weight.Shaped($"l{l}.fc2", TensorType.Of(dt, Hidden, Ffn)));
        }
        var caches = Enumerable.Range(0, (int)Layers)
            .Select(l => new KvCache($"layers.{l}", TensorType.Of(dt, prompt + generated, Heads, HeadDim), AttrMap.Empty));
        var module = new Module("tiny", AttrMap.Empty.Set("prompt_tokens", prompt).Set("generated_tokens", generated)
                .Set("num_heads", Heads).Set("num_kv_heads", Heads).Set("head_dim", HeadDim).Set("hidden_size", Hidden).Set("ffn_dim", Ffn),
            [.. weights], [.. caches], []);
        return module.WithFunctions([Function(module, Module.Prefill, "seq", "input_ids", SymExpr.Sym("seq"), 0),
                                     Function(module, Module.Decode, "kv", "token", 1, SymExpr.Sym("kv"))]);
    }

    private static Function Function(Module m, string name, string symbol, string input, SymExpr rows, SymExpr past)
    {
        var b = new FunctionBuilder(m, name).Attr("stage", AttrValue.Of(name)).Attr("symbols", AttrValue.Of([symbol]));
        var ids = b.Param(input, TensorType.Of(ElementType.I64, rows));
        var pos = b.Op("position_ids", [], AttrMap.Empty.Set("start", past).Set("count", rows).Set("offset", 0), "pos_ids");
        var x = b.Op("add", [b.Op("embedding", [ids.Use, Operand.W("embed")], name: "tok").Use,
                             b.Op("embedding", [pos.Use, Operand.W("pos")], name: "posemb").Use], name: "h");
        for (var l = 0; l < Layers; l++)
        {
            var ln1 = b.Op("layer_norm", [x.Use, Operand.W($"l{l}.ln1.g"), Operand.W($"l{l}.ln1.b")], AttrMap.Empty.Set("eps", 1e-5), $"l{l}.ln1");
            Value Lin(Value input, string w, string role) => b.Op("linear", [input.Use, Operand.W(w)], AttrMap.Empty.Set("role", role), w.Replace("l" + l + ".", $"l{l}.out_"));
            var q = Lin(ln1, $"l{l}.q", "q_proj");
            var k = Lin(ln1, $"l{l}.k", "k_proj");
            var v = Lin(ln1, $"l{l}.v", "v_proj");
            var attn = b.Op("attention", [q.Use, k.Use, v.Use], AttrMap.Empty
                .Set("heads", Heads).Set("kv_heads", Heads).Set("head_dim", HeadDim).Set("past", past)
                .Set("causal", true).Set("scale", 0.5).Set("cache", $"layers.{l}"), $"l{l}.attn");
            var o = Lin(attn, $"l{l}.o", "out_proj");
            var r1 = b.Op("add", [x.Use, o.Use], name: $"l{l}.res1");
            var ln2 = b.Op("layer_norm", [r1.Use, Operand.W($"l{l}.ln2.g"), Operand.W($"l{l}.ln2.b")], AttrMap.Empty.Set("eps", 1e-5), $"l{l}.ln2");
            var f1 = Lin(ln2, $"l{l}.fc1", "fc1");
            var act = b.Op("relu", [f1.Use], name: $"l{l}.act");
            var f2 = Lin(act, $"l{l}.fc2", "fc2");
            x = b.Op("add", [r1.Use, f2.Use], name: $"l{l}.res2");
        }
        var fin = b.Op("layer_norm", [x.Use, Operand.W("final.g"), Operand.W("final.b")], AttrMap.Empty.Set("eps", 1e-5), "final");
        var last = b.Op("last_token", [fin.Use], name: "last");
        var logits = b.Op("linear", [last.Use, Operand.W("embed")], AttrMap.Empty.Set("role", "lm_head"), "logits");
        return b.Return(logits.Use);
    }
}
