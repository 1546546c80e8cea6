using System.Collections.Immutable;
using Pimcc.Ir;
using static Pimcc.Ir.Operand;

namespace Pimcc.Tests.IrText;

/// <summary>Modules built in code for round-trip tests: every opcode, every attribute kind, awkward names.</summary>
internal static class IrTextSamples
{
    private static TensorType F16(params SymExpr[] dims) => TensorType.Of(ElementType.F16, dims);

    private static AttrMap A(params (string Key, AttrValue Value)[] items) =>
        AttrMap.From(items.Select(i => KeyValuePair.Create(i.Key, i.Value)));

    private static AttrValue I(long v) => AttrValue.Of(v);
    private static AttrValue E(SymExpr v) => AttrValue.Of(v);
    private static AttrValue F(double v) => AttrValue.Of(v);
    private static AttrValue S(string v) => AttrValue.Of(v);
    private static AttrValue B(bool v) => AttrValue.Of(v);
    private static AttrValue L(params AttrValue[] items) => new ListAttr([.. items]);

    private static readonly SymExpr Kv = SymExpr.Sym("kv");
    private static readonly SymExpr Seq = SymExpr.Sym("seq");

    /// <summary>A one-layer GQA decoder (hidden 64, 4 heads, 2 KV heads) whose decode step uses every registered opcode.</summary>
    public static Module Decoder()
    {
        Weight W(string name, params SymExpr[] dims) => Weight.Shaped(name, F16(dims));
        var module = new Module("tiny", A(("family", S("llama")), ("hidden_size", I(64)), ("num_heads", I(4)), ("num_kv_heads", I(2))),
            [
                W("embed", 100, 64), W("ln.g", 64), W("ln.b", 64), W("wq", 64, 64), W("bq", 64), W("wk", 32, 64),
                W("wv", 32, 64), W("wo", 64, 64), W("rms.g", 64), W("wg", 128, 64), W("wu", 128, 64), W("wd", 64, 128),
            ],
            [new KvCache("layers.0", F16(2048, 2, 16), A(("layer", I(0))))],
            []);
        return module.WithFunctions([Prefill(module), Decode(module)]);
    }

    private static Function Prefill(Module module)
    {
        var b = new FunctionBuilder(module, "prefill").Attr("stage", S("prefill")).Attr("symbols", AttrValue.Of(["seq"]));
        var ids = b.Param("input_ids", TensorType.Of(ElementType.I64, Seq));
        var x = b.Op("embedding", [ids.Use, W("embed")], name: "x");
        b.Op("position_ids", [], A(("start", I(0)), ("count", E(Seq)), ("offset", I(2))), "pos");
        var q = b.Op("linear", [x.Use, W("wq"), W("bq")], A(("role", S("q_proj"))), "q");
        var k = b.Op("linear", [x.Use, W("wk")], A(("role", S("k_proj"))), "k");
        var v = b.Op("linear", [x.Use, W("wv")], A(("role", S("v_proj"))), "v");
        var a = b.Op("attention", [q.Use, k.Use, v.Use], Attention(0), "attn");
        var last = b.Op("last_token", [a.Use], name: "last");
        var logits = b.Op("linear", [last.Use, W("embed")], A(("role", S("lm_head"))), "logits");
        return b.Return(logits.Use);
    }

    private static AttrMap Attention(SymExpr past) => A(
        ("heads", I(4)), ("kv_heads", I(2)), ("head_dim", I(16)), ("past", E(past)), ("causal", B(true)),
        ("scale", F(0.25)), ("cache", S("layers.0")));

    private static AttrMap Rotary(long heads) => A(
        ("heads", I(heads)), ("head_dim", I(16)), ("rotary_dim", I(16)), ("theta", F(10000.0)), ("start", E(Kv)),
        ("interleaved", B(false)));

    private static Function Decode(Module module)
    {
        var b = new FunctionBuilder(module, "decode").Attr("stage", S("decode")).Attr("symbols", AttrValue.Of(["kv"]));
        var token = b.Param("token", TensorType.Of(ElementType.I64, 1));
        var x = b.Op("embedding", [token.Use, W("embed")], name: "x");
        b.Op("position_ids", [], A(("start", E(Kv)), ("count", E(Kv + 1)), ("offset", I(-1))), "pos");
        var h = b.Op("layer_norm", [x.Use, W("ln.g"), W("ln.b")], A(("eps", F(1e-05))), "h");
        var q = b.Op("linear", [h.Use, W("wq"), W("bq")], A(("role", S("q_proj"))), "q");
        var k = b.Op("linear", [h.Use, W("wk")], A(("role", S("k_proj"))), "k");
        var v = b.Op("linear", [h.Use, W("wv")], A(("role", S("v_proj"))), "v");
        var qr = b.Op("rotary", [q.Use], Rotary(4), "q.rot");
        var kr = b.Op("rotary", [k.Use], Rotary(2), "k.rot");
        var a = b.Op("attention", [qr.Use, kr.Use, v.Use], Attention(Kv)
            .Set("softcap", 50.0).Set("alibi_slopes", AttrValue.Of([0.25, 0.0625, 0.015625, 0.00390625])), "attn");
        var o = b.Op("linear", [a.Use, W("wo")], A(("role", S("out_proj"))), "o");
        var r = b.Op("add", [x.Use, o.Use], name: "res");
        var n = b.Op("rms_norm", [r.Use, W("rms.g")], A(("eps", F(1e-06))), "n");
        var g = b.Op("linear", [n.Use, W("wg")], A(("role", S("gate_proj"))), "gate");
        var u = b.Op("linear", [n.Use, W("wu")], A(("role", S("up_proj"))), "up");
        var s = b.Op("silu", [g.Use]);
        var gu = b.Op("mul", [s.Use, u.Use]);
        var ge = b.Op("gelu", [u.Use], A(("approximate", S("tanh"))));
        var re = b.Op("relu", [ge.Use]);
        var diff = b.Op("sub", [gu.Use, re.Use]);
        var quot = b.Op("div", [diff.Use, gu.Use]);
        var d = b.Op("linear", [quot.Use, W("wd")], A(("role", S("down_proj"))), "down");
        var r2 = b.Op("add", [r.Use, d.Use], name: "res");
        var last = b.Op("last_token", [r2.Use], name: "last");
        var sm = b.Op("softmax", [last.Use], A(("axis", I(-1))));
        var rs = b.Op("reshape", [sm.Use], A(("shape", L(I(4), I(16)))));
        var t = b.Op("transpose", [rs.Use], A(("perm", AttrValue.Of([1L, 0L]))));
        var mm = b.Op("matmul", [rs.Use, t.Use]);
        var c = b.Op("cast", [mm.Use], A(("to", S("f32"))));
        var halves = b.OpTyped("onnx.Split", [c.Use], A(("axis", I(1)), ("split", AttrValue.Of([2L, 2L]))),
            [TensorType.Of(ElementType.F32, 4, 2), TensorType.Of(ElementType.F32, 4, 2)], ["lo", "hi"]);
        var logits = b.Op("linear", [last.Use, W("embed")], A(("role", S("lm_head"))), "logits");
        var capped = b.Op("soft_cap", [logits.Use], A(("cap", F(30.0))), "capped");
        return b.Return(capped.Use, halves[1].Use);
    }

    /// <summary>Every attribute kind and every kind of name that needs quoting; not meant to verify.</summary>
    public static Module Exotic()
    {
        var attrs = A(
            ("int", I(42)), ("negative", I(-3)), ("max", I(long.MaxValue)), ("min", I(long.MinValue)),
            ("kv_plus_1", E(Kv + 1)), ("cache_bytes", E(Kv * 128 + 128)), ("odd", E(Kv * 2 - 1)), ("count_down", E(3 - Kv)),
            ("two_symbols", E(SymExpr.Sym("a") + SymExpr.Sym("b", 2) - 5)), ("min_coef", E(SymExpr.Sym("kv", long.MinValue) + 1)),
            ("keyword_symbol", E(SymExpr.Sym("inf") + SymExpr.Sym("module"))), ("spaced_symbol", E(SymExpr.Sym("batch size", -2))),
            ("eps", F(1e-05)), ("tenth", F(0.1)), ("neg", F(-2.5)), ("huge", F(1e+20)), ("whole", F(3.0)), ("neg_zero", F(-0.0)),
            ("inf", F(double.PositiveInfinity)), ("ninf", F(double.NegativeInfinity)), ("nan", F(double.NaN)),
            ("tiny", F(double.Epsilon)), ("largest", F(double.MaxValue)),
            ("empty", S("")), ("quote", S("say \"hi\"")), ("backslash", S("a\\b")), ("controls", S("l1\nl2\tx\r\u0001")),
            ("unicode", S("é ✓ 😀")), ("yes", B(true)), ("no", B(false)),
            ("none", L()), ("ints", AttrValue.Of([1L, 2L, 3L])), ("floats", L(F(1.5), F(double.NaN))), ("strings", AttrValue.Of(["a", "b"])),
            ("nested", L(L(I(1), I(2)), L(E(Kv)), L())), ("mixed", L(I(1), S("x"), B(true), F(2.0))),
            ("a-b", I(1)), ("has space", I(2)), ("", I(3)), ("1st", I(4)), ("func", I(5)), ("true", I(6)), ("x.y", I(7)));
        byte[] f32Data = [0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64]; // 1, 2, 3, 4 as little-endian f32
        var module = new Module("my model", attrs,
            [
                new Weight("w 1", TensorType.Of(ElementType.F32, 4), [.. f32Data], A(("layout", S("row-major")), ("a-b", I(1)))),
                new Weight("w$2-x", TensorType.Of(ElementType.I4, 3), [0x21, 0x03], AttrMap.Empty),
                Weight.Shaped("q\"uote", TensorType.Of(ElementType.Ternary, 8)),
                Weight.Shaped("bits", TensorType.Of(ElementType.I1, 16)),
            ],
            [new KvCache("layers.0", F16(16, 2, 8), A(("note", S("k and v"))))],
            []);
        var symbols = AttrValue.Of(["batch size", "kv"]);
        var b = new FunctionBuilder(module, "main fn").Attr("symbols", symbols);
        var p = b.Param("in put", TensorType.Of(ElementType.F32, SymExpr.Sym("batch size"), 4));
        var parts = b.OpTyped("onnx.Split", [p.Use], A(("axis", I(1))),
            [TensorType.Of(ElementType.F32, SymExpr.Sym("batch size"), 2), TensorType.Of(ElementType.F32, SymExpr.Sym("batch size"), 2)],
            ["a b", "c\"d"]);
        var odd = b.OpTyped("onnx.My-Op", [parts[0].Use, W("w 1"), W("w$2-x")], attrs, [TensorType.Of(ElementType.Bool)], ["0"]);
        var noArgs = b.OpTyped("onnx.Constant", [], A(("value", F(1.0))), [TensorType.Of(ElementType.BF16, Kv * 2 - 1, 3)]);
        var f = b.Return(odd[0].Use, parts[1].Use, noArgs[0].Use);
        return module.WithFunctions([f, new FunctionBuilder(module, "second").Return()]);
    }

    /// <summary>A decode function of about <paramref name="ops"/> element-wise ops, for the size check.</summary>
    public static Module Large(int ops)
    {
        var module = new Module("large", AttrMap.Empty, [Weight.Shaped("bias", F16(64))], [], []);
        var b = new FunctionBuilder(module, "decode").Attr("symbols", AttrValue.Of(["kv"]));
        var x = b.Param("x", F16(Kv + 1, 64)).Use;
        for (var i = 0; i < ops; i++)
            x = (i % 3) switch
            {
                0 => b.Op("add", [x, W("bias")], name: $"l{i / 100}.add").Use,
                1 => b.Op("gelu", [x], A(("approximate", S("none")))).Use,
                _ => b.Op("softmax", [x], A(("axis", I(-1)))).Use,
            };
        return module.WithFunctions([b.Return(x)]);
    }

    public static ImmutableArray<string> Opcodes(Module m) =>
        [.. m.Functions.SelectMany(f => f.Body).Select(o => o.Opcode).Distinct().Order(StringComparer.Ordinal)];
}
