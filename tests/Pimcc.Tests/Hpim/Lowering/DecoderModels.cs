using Pimcc.Ir;

namespace Pimcc.Tests.Hpim.Lowering;

/// <summary>OPT-style decoders of any size built by hand (shape-only weights), for lowering tests at real scale.</summary>
public static class DecoderModels
{
    public sealed record Shape(long Hidden, long Heads, long Ffn, long Layers, long Vocab, long Positions, long KvHeads = 0)
    {
        public long Kv => KvHeads == 0 ? Heads : KvHeads;
    }

    /// <summary>OPT-30B: hidden 7168, 56 heads, FFN 28672, 48 layers, vocabulary 50272 (HF config facebook/opt-30b).</summary>
    public static readonly Shape Opt30B = new(7168, 56, 28672, 48, 50272, 2048);

    public static Module Build(Shape s, long prompt, long generated, bool biases = false)
    {
        var dt = ElementType.F16;
        var d = s.Hidden / s.Heads;
        var weights = new List<Weight>
        {
            Weight.Shaped("embed", TensorType.Of(dt, s.Vocab, s.Hidden)),
            Weight.Shaped("pos", TensorType.Of(dt, s.Positions + 2, s.Hidden)),
            Weight.Shaped("final.g", TensorType.Of(dt, s.Hidden)),
            Weight.Shaped("final.b", TensorType.Of(dt, s.Hidden)),
        };
        for (var l = 0; l < s.Layers; l++)
        {
            foreach (var n in new[] { "q", "k", "v", "o" })
            {
                var rows = n is "k" or "v" ? s.Kv * d : s.Hidden;
                weights.Add(Weight.Shaped($"l{l}.{n}", TensorType.Of(dt, rows, s.Hidden)));
                if (biases) weights.Add(Weight.Shaped($"l{l}.{n}.b", TensorType.Of(dt, rows)));
            }
            foreach (var n in new[] { "ln1.g", "ln1.b", "ln2.g", "ln2.b" }) weights.Add(Weight.Shaped($"l{l}.{n}", TensorType.Of(dt, s.Hidden)));
            weights.Add(Weight.Shaped($"l{l}.fc1", TensorType.Of(dt, s.Ffn, s.Hidden)));
            weights.Add(Weight.Shaped($"l{l}.fc2", TensorType.Of(dt, s.Hidden, s.Ffn)));
            if (biases)
            {
                weights.Add(Weight.Shaped($"l{l}.fc1.b", TensorType.Of(dt, s.Ffn)));
                weights.Add(Weight.Shaped($"l{l}.fc2.b", TensorType.Of(dt, s.Hidden)));
            }
        }
        var caches = Enumerable.Range(0, (int)s.Layers).Select(l => new KvCache($"layers.{l}", TensorType.Of(dt, prompt + generated, s.Kv, d), AttrMap.Empty));
        var module = new Module("opt", AttrMap.Empty.Set("prompt_tokens", prompt).Set("generated_tokens", generated)
                .Set("num_heads", s.Heads).Set("num_kv_heads", s.Kv).Set("head_dim", d).Set("hidden_size", s.Hidden).Set("ffn_dim", s.Ffn),
            [.. weights], [.. caches], []);
        return module.WithFunctions([Function(module, s, biases, Module.Prefill, "seq", "input_ids", SymExpr.Sym("seq"), 0),
                                     Function(module, s, biases, Module.Decode, "kv", "token", 1, SymExpr.Sym("kv"))]);
    }

    private static Function Function(Module m, Shape s, bool biases, string name, string symbol, string input, SymExpr rows, SymExpr past)
    {
        var d = s.Hidden / s.Heads;
        var b = new FunctionBuilder(m, name).Attr("stage", AttrValue.Of(name)).Attr("symbols", AttrValue.Of([symbol]));
        var ids = b.Param(input, TensorType.Of(ElementType.I64, rows));
        var pos = b.Op("position_ids", [], AttrMap.Empty.Set("start", past).Set("count", rows).Set("offset", 2), "pos_ids");
        var x = b.Op("add", [b.Op("embedding", [ids.Use, Operand.W("embed")], name: "tok").Use,
                             b.Op("embedding", [pos.Use, Operand.W("pos")], name: "posemb").Use], name: "h");
        for (var l = 0; l < s.Layers; l++)
        {
            var ln1 = b.Op("layer_norm", [x.Use, Operand.W($"l{l}.ln1.g"), Operand.W($"l{l}.ln1.b")], AttrMap.Empty.Set("eps", 1e-5), $"l{l}.ln1");
            Value Lin(Value input, string w, string role, bool bias) =>
                b.Op("linear", bias && biases ? [input.Use, Operand.W(w), Operand.W(w + ".b")] : [input.Use, Operand.W(w)],
                    AttrMap.Empty.Set("role", role), w.Replace("l" + l + ".", $"l{l}.out_"));
            var q = Lin(ln1, $"l{l}.q", "q_proj", true);
            var k = Lin(ln1, $"l{l}.k", "k_proj", true);
            var v = Lin(ln1, $"l{l}.v", "v_proj", true);
            var attn = b.Op("attention", [q.Use, k.Use, v.Use], AttrMap.Empty
                .Set("heads", s.Heads).Set("kv_heads", s.Kv).Set("head_dim", d).Set("past", past)
                .Set("causal", true).Set("scale", 1.0 / Math.Sqrt(d)).Set("cache", $"layers.{l}"), $"l{l}.attn");
            var o = Lin(attn, $"l{l}.o", "out_proj", true);
            var r1 = b.Op("add", [x.Use, o.Use], name: $"l{l}.res1");
            var ln2 = b.Op("layer_norm", [r1.Use, Operand.W($"l{l}.ln2.g"), Operand.W($"l{l}.ln2.b")], AttrMap.Empty.Set("eps", 1e-5), $"l{l}.ln2");
            var f1 = Lin(ln2, $"l{l}.fc1", "fc1", true);
            var act = b.Op("relu", [f1.Use], name: $"l{l}.act");
            var f2 = Lin(act, $"l{l}.fc2", "fc2", true);
            x = b.Op("add", [r1.Use, f2.Use], name: $"l{l}.res2");
        }
        var fin = b.Op("layer_norm", [x.Use, Operand.W("final.g"), Operand.W("final.b")], AttrMap.Empty.Set("eps", 1e-5), "final");
        var last = b.Op("last_token", [fin.Use], name: "last");
        var logits = b.Op("linear", [last.Use, Operand.W("embed")], AttrMap.Empty.Set("role", "lm_head"), "logits");
        return b.Return(logits.Use);
    }
}
