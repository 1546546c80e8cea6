using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>The bundled full-sequence samples raise completely to the transformer-level IR, with the
/// module attributes of docs/ir.md matching the generator's configurations (samples/onnx/README.md).</summary>
public class OnnxRaisingTests(ITestOutputHelper output)
{
    internal static readonly OnnxWorkload Workload = new(12, 4);

    internal static string SamplePath(string name) => RepoPaths.Combine("samples", "onnx", name + ".onnx");

    // family, layers, hidden, heads, kv heads, head_dim, ffn, vocab, tied, max positions (README table; generate.py Cfg), linears per layer
    public static IEnumerable<object[]> Samples() =>
    [
        ["tiny-opt", "opt", 2, 64, 4, 4, 16, 256, 256, false, 128, 6],
        ["tiny-gpt2", "gpt2", 2, 64, 4, 4, 16, 256, 256, true, 128, 6],
        ["tiny-llama", "llama", 3, 64, 4, 2, 16, 176, 320, false, 16, 7],
        // Phi-3's fused qkv_proj (three Slices) and gate_up_proj (chunk: two Slices) raise to separate linears;
        // head_dim 96 is given (6 heads over hidden 64); RoPE + RMSNorm guess the llama family
        ["tiny-phi3", "llama", 2, 64, 6, 2, 96, 96, 256, false, 16, 7],
        // BLOOM's per-head fused query_key_value ([1, seq, 6, 3, 16], one Gather per part) and ALiBi: no position table
        ["tiny-bloom", "bloom", 2, 96, 6, 6, 16, 384, 256, true, 16, 6],
        // Gemma 2's soft-capped scores and logits, sandwich norms, GeGLU
        ["tiny-gemma2", "llama", 2, 64, 4, 2, 16, 128, 256, false, 16, 7],
        // GPT-NeoX: per-head fused query_key_value sliced, partial rotary, parallel residual, GELU
        ["tiny-neox", "unknown", 2, 64, 4, 4, 16, 256, 256, false, 16, 6],
        // Falcon-7b's form: fused heads + 2 (sliced and gathered on the head axis), one KV head broadcast
        ["tiny-falcon", "unknown", 2, 64, 4, 1, 16, 256, 256, false, 16, 6],
        ["tiny-stablelm", "unknown", 2, 64, 4, 2, 16, 176, 256, false, 16, 7],
        ["tiny-olmo", "unknown", 2, 64, 4, 4, 16, 176, 256, false, 16, 7],
        // Gemma: multi-query, head_dim 32 over hidden 64, (1 + w) norms, √hidden-scaled embedding
        ["tiny-gemma", "llama", 2, 64, 4, 1, 32, 128, 256, false, 16, 7],
        ["tiny-mistral", "llama", 2, 64, 4, 2, 16, 176, 256, false, 16, 7],
        // the exporter's folding stores the tied head as a transposed copy of the embedding: recognised by its data, read once
        ["tiny-llama-tied", "llama", 2, 64, 4, 2, 16, 176, 256, true, 16, 7],
        // rope_scaling linear, factor 4: fitted from the cos/sin tables
        ["tiny-llama-linear", "llama", 2, 64, 4, 2, 16, 176, 256, false, 16, 7],
        // GPT-J: interleaved partial rotary on [1, seq, n, d] heads (rotate_every_two, the table repeat_interleave'd: torch 2's
        // Tile form), one ln_1 feeding attention and MLP, an LM head with a bias; its sinusoid buffer is a rotary table, not a
        // position embedding, so the positions are the workload's 12 + 4
        ["tiny-gptj", "unknown", 2, 64, 4, 4, 16, 256, 256, false, 16, 6],
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_raises_to_transformer_ops(string name, string family, int layers, int hidden, int heads, int kvHeads, int headDim, int ffn, int vocab, bool tied, int maxPositions, int linearsPerLayer)
    {
        var (module, report) = OnnxFrontend.LoadWithReport(SamplePath(name), Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        report.NotRaised.ShouldBeEmpty();
        Verifier.Verify(module).ShouldBeEmpty();
        var a = module.Attrs;
        a.Str("family").ShouldBe(family);
        a.Int("num_layers").ShouldBe(layers);
        a.Int("hidden_size").ShouldBe(hidden);
        a.Int("num_heads").ShouldBe(heads);
        a.Int("num_kv_heads").ShouldBe(kvHeads);
        a.Int("head_dim").ShouldBe(headDim);
        a.Int("ffn_dim").ShouldBe(ffn);
        a.Int("vocab_size").ShouldBe(vocab);
        a.Bool("tie_word_embeddings").ShouldBe(tied);
        a.Int("max_positions").ShouldBe(maxPositions); // llama: no position table, so the workload's 12 + 4
        // GPT-NeoX and Falcon feed attention and MLP from the same stream: the graph's shape, not their names
        a.ContainsKey("parallel_residual").ShouldBe(name is "tiny-neox" or "tiny-falcon" or "tiny-gptj");
        module.KvCaches.Length.ShouldBe(layers);
        module.KvCaches.ShouldAllBe(c => c.KvHeads == kvHeads && c.MaxLength == Workload.TotalTokens);

        foreach (var fn in new[] { Module.Prefill, Module.Decode })
        {
            var f = module.FindFunction(fn).ShouldNotBeNull();
            var ops = f.Body.GroupBy(o => o.Opcode).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"{fn}: " + string.Join(", ", ops.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
            ops["attention"].ShouldBe(layers);
            // GPT-J turns pairs (2i, 2i + 1) of the first 8 of 16 channels: read off its rotate_every_two, not assumed
            foreach (var r in f.Body.Where(o => o.Opcode == "rotary"))
                (r.Attrs.BoolOr("interleaved", false), r.Attrs.Int("rotary_dim")).ShouldBe(name == "tiny-gptj" ? (true, 8L) : (false, r.Attrs.Int("rotary_dim")));
            ops["linear"].ShouldBe(layers * linearsPerLayer + 1);
            ops.GetValueOrDefault("soft_cap").ShouldBe(name == "tiny-gemma2" ? 1 : 0);
            ops.GetValueOrDefault("last_token").ShouldBe(fn == Module.Prefill ? 1 : 0); // as the HF frontend: decode has one row
            f.Body.Where(o => o.Opcode == "linear").Select(o => o.Attrs.Str("role")).ShouldNotContain("linear");
            f.Body.Where(o => o.Opcode == "attention").ShouldAllBe(o => o.Attrs.Bool("causal") && Math.Abs(o.Attrs.Float("scale") - 1 / Math.Sqrt(headDim)) < 1e-6);
        }
        module.Weights.ShouldAllBe(w => w.HasData);
    }

    /// <summary>
    /// The score terms come from evaluating the graph, not from the generator's config: tiny-bloom's ALiBi bias,
    /// built from an all-ones mask's cumsum, gives modeling_bloom.py's slopes for 6 heads (p = 4: 2^(−2(h+1)), then
    /// the odd powers 2^−1, 2^−3 of the 8-head sequence); tiny-gemma2's tanh chains give the generator's caps
    /// (attention 0.5 with scale 16^−½ kept outside the cap, logits 2.0). Without them the raised module no longer
    /// matches ONNX Runtime (<see cref="RaisedVersusOrtTests"/>): each term moves the logits by more than 1e-3.
    /// </summary>
    [Theory]
    [InlineData("tiny-bloom")]
    [InlineData("tiny-gemma2")]
    public void Score_terms_are_fitted_from_the_graph_and_change_the_logits(string sample)
    {
        var module = OnnxFrontend.Load(SamplePath(sample), Workload);
        var attention = module.FindFunction(Module.Decode)!.Body.Where(o => o.Opcode == "attention").ToList();
        Module stripped;
        if (sample == "tiny-bloom")
        {
            foreach (var a in attention)
                a.Attrs.Floats("alibi_slopes").ShouldBe([0.25, 0.0625, 0.015625, 0.00390625, 0.5, 0.125], tolerance: 1e-7);
            stripped = Rewrite(module, o => o.Opcode == "attention" ? o with { Attrs = o.Attrs.Remove("alibi_slopes") } : o);
        }
        else
        {
            attention.ShouldAllBe(a => a.Attrs.Float("softcap") == 0.5 && Math.Abs(a.Attrs.Float("scale") - 0.25) < 1e-7);
            module.FindFunction(Module.Decode)!.Body[^1].Attrs.Float("cap").ShouldBe(2.0, tolerance: 1e-7);
            stripped = Rewrite(module, o => o.Opcode == "attention" ? o with { Attrs = o.Attrs.Remove("softcap") } : o);
        }
        long[] ids = [3, 200, 17, 90, 41, 5];
        double[] Logits(Module m) => [.. Enumerable.Range(0, 256).Select(i =>
            new Pimcc.Reference.ReferenceInterpreter(m).Run(Module.Prefill, [Pimcc.Reference.Tensor.I64([ids.Length], ids)], null, new Pimcc.Reference.KvCacheState(m))[0].GetDouble(i))];
        var (with, without) = (Logits(module), Logits(stripped));
        with.Zip(without, (a, b) => Math.Abs(a - b)).Max().ShouldBeGreaterThan(1e-3);
    }

    /// <summary>
    /// Partial rotary and RoPE scaling come from the tables and slices in the graph: tiny-neox and tiny-stablelm rotate
    /// 4 of 16 channels (rotary_pct / partial_rotary_factor 0.25), tiny-llama-linear's inv_freq is divided by 4
    /// (rope_scaling linear, factor 4), θ 10000 everywhere (generate.py's configurations). Each attribute matters:
    /// rotating the whole head, or dropping the scaling, moves the logits by more than 1e-3.
    /// </summary>
    [Theory]
    [InlineData("tiny-neox", 4, 1.0)]
    [InlineData("tiny-stablelm", 4, 1.0)]
    [InlineData("tiny-llama-linear", 16, 4.0)]
    public void Rotary_dim_and_scaling_are_read_from_the_graph(string sample, int rotaryDim, double factor)
    {
        var module = OnnxFrontend.Load(SamplePath(sample), Workload);
        var rotary = module.FindFunction(Module.Decode)!.Body.Where(o => o.Opcode == "rotary").ToList();
        rotary.Count.ShouldBe((int)(2 * module.Attrs.Int("num_layers"))); // q and k of every layer
        foreach (var r in rotary)
        {
            r.Attrs.Int("rotary_dim").ShouldBe(rotaryDim);
            r.Attrs.Float("theta").ShouldBe(10000.0);
            r.Attrs.StrOr("scaling", "default").ShouldBe(factor == 1 ? "default" : "linear");
            r.Attrs.FloatOr("scaling_factor", 1).ShouldBe(factor);
        }
        var plain = Rewrite(module, o => o.Opcode == "rotary"
            ? o with { Attrs = o.Attrs.Set("rotary_dim", o.Attrs.Int("head_dim")).Remove("scaling").Remove("scaling_factor") }
            : o);
        long[] ids = [3, 200, 17, 90, 41, 5];
        double[] Logits(Module m) => [.. Enumerable.Range(0, 256).Select(i =>
            new Pimcc.Reference.ReferenceInterpreter(m).Run(Module.Prefill, [Pimcc.Reference.Tensor.I64([ids.Length], ids)], null, new Pimcc.Reference.KvCacheState(m))[0].GetDouble(i))];
        Logits(module).Zip(Logits(plain), (a, b) => Math.Abs(a - b)).Max().ShouldBeGreaterThan(1e-3);
    }

    private static Module Rewrite(Module m, Func<Operation, Operation> f) =>
        m.WithFunctions(m.Functions.Select(fn => fn.WithBody(fn.Body.Select(f))));

    /// <summary>Regression: the three decode-step samples failed with exit 21 and a hint asking for --prompt-tokens.
    /// A KV-cache graph now raises (its decode step from the graph, prefill derived) to its full twin's decoder.</summary>
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2")]
    [InlineData("tiny-llama")]
    [InlineData("tiny-phi3")]
    [InlineData("tiny-bloom")]
    [InlineData("tiny-gemma2")]
    [InlineData("tiny-neox")]
    [InlineData("tiny-falcon")]
    [InlineData("tiny-stablelm")]
    [InlineData("tiny-olmo")]
    [InlineData("tiny-gemma")]
    [InlineData("tiny-mistral")]
    [InlineData("tiny-llama-tied")]
    [InlineData("tiny-llama-linear")]
    [InlineData("tiny-gptj")]
    public void Kv_cache_graph_raises_to_the_same_decoder_as_its_full_sequence_twin(string sample)
    {
        var (decode, report) = OnnxFrontend.LoadWithReport(SamplePath(sample + "-decode"), Workload);
        output.WriteLine(report.Describe());
        report.Raised.ShouldBeTrue();
        report.GenericOps.ShouldBe(0);
        var full = OnnxFrontend.Load(SamplePath(sample), Workload);
        HfExports.RaisedDecoders.Canonical(decode).ShouldBe(HfExports.RaisedDecoders.Canonical(full));
    }
}
