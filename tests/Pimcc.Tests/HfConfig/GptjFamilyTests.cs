using Pimcc.Ir;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// GPT-J and CodeGen configs: interleaved rotary on rotary_dim channels of each head, parallel block, biased LM head;
/// CodeGen's fused qkv_proj split in its four model-parallel blocks of (q, v, k) rows (modeling_codegen.py).
/// </summary>
public class GptjFamilyTests
{
    private static IEnumerable<Operation> Ops(Module m, string opcode) => m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == opcode);

    [Fact]
    public void GptjRotatesSixtyFourInterleavedChannelsOfEachHead()
    {
        var m = HfConfigKit.LoadSample("gpt-j-6b.json");
        m.Attrs.Str("family").ShouldBe("gptj");
        m.Attrs.Int("head_dim").ShouldBe(256);
        var rotary = Ops(m, "rotary").ToList();
        rotary.Count.ShouldBe(2 * 28 * 2); // q and k of 28 layers, prefill and decode
        rotary.ShouldAllBe(o => o.Attrs.Bool("interleaved") && o.Attrs.Int("rotary_dim") == 64 && o.Attrs.Int("head_dim") == 256);
        m.FindWeight("lm_head.bias")!.Type.Shape[0].Constant.ShouldBe(50400);
        m.FindWeight("transformer.h.0.attn.q_proj.bias").ShouldBeNull();
    }

    [Fact]
    public void CodegenSplitsItsFusedProjectionInFourBlocksOfQueryValueKey()
    {
        // Salesforce/codegen-350M-mono's shape: n_embd 1024, 16 heads, 20 layers, rotary_dim 32
        var m = HfConfigKit.LoadEdited("gpt-j-6b.json", c =>
        {
            c["model_type"] = "codegen";
            c["n_embd"] = 1024;
            c["n_layer"] = 20;
            c["rotary_dim"] = 32;
            c["vocab_size"] = 51200;
        });
        m.Attrs.Str("family").ShouldBe("codegen");
        // each part takes 256 rows of every 768 of qkv_proj [3072, 1024]: q at 0, v at 256, k at 512
        foreach (var (part, start) in new[] { ("q", 0L), ("v", 256L), ("k", 512L) })
        {
            var w = m.FindWeight($"transformer.h.0.attn.qkv_proj.{part}.weight")!;
            w.Type.Shape.Select(d => d.Constant).ShouldBe([1024L, 1024L]);
            w.Attrs.Str("source").ShouldBe("transformer.h.0.attn.qkv_proj.weight");
            w.Attrs.Ints("source_blocks").ShouldBe([start, 256L, 768L]);
        }
        // embeddings, 20 x (ln_1, qkv, out_proj, fc_in + bias, fc_out + bias), ln_f, head with bias
        long h = 1024, ffn = 4096, v = 51200;
        HfConfigKit.ParameterCount(m).ShouldBe(v * h + 20 * (2 * h + 4 * h * h + h * ffn + ffn + ffn * h + h) + 2 * h + v * h + v);
        Ops(m, "rotary").ShouldAllBe(o => o.Attrs.Bool("interleaved") && o.Attrs.Int("rotary_dim") == 32);
    }

    [Fact]
    public void ARotaryDimBeyondTheHeadIsAConfigError()
    {
        var e = HfConfigKit.Fails(() => HfConfigKit.LoadEdited("gpt-j-6b.json", c => c["rotary_dim"] = 512), Pimcc.Diagnostics.ExitCode.InvalidModel);
        e.OneLine.ShouldContain("rotary_dim");
    }
}
