using Pimcc.Frontends.Onnx;

namespace Pimcc.Tests.Onnx;

/// <summary>Every bundled ONNX sample loads, with the interface that samples/onnx/README.md documents.</summary>
public sealed class OnnxSampleLoadingTests
{
    public static string SamplesFolder => RepoPaths.Combine("samples", "onnx");

    public static string[] SampleNames() =>
        Directory.GetFiles(SamplesFolder, "*.onnx").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Samples() => new(SampleNames());

    private static OnnxModel Load(string name) => OnnxModelLoader.Load(Path.Combine(SamplesFolder, name));

    [Fact]
    public void All_thirty_eight_graphs_are_present() =>
        SampleNames().ShouldBe(
        [
            "fortunes-gpt2-svd.onnx", "fortunes-gpt2.onnx", "tiny-bert.onnx", "tiny-bloom-decode.onnx", "tiny-bloom.onnx",
            "tiny-falcon-decode.onnx", "tiny-falcon.onnx", "tiny-gemma-decode.onnx", "tiny-gemma.onnx",
            "tiny-gemma2-decode.onnx", "tiny-gemma2.onnx", "tiny-gpt2-decode.onnx", "tiny-gpt2-svd.onnx", "tiny-gpt2.onnx",
            "tiny-gptj-decode.onnx", "tiny-gptj.onnx",
            "tiny-llama-decode.onnx", "tiny-llama-linear-decode.onnx", "tiny-llama-linear.onnx", "tiny-llama-tied-decode.onnx", "tiny-llama-tied.onnx", "tiny-llama.onnx",
            "tiny-mistral-decode.onnx", "tiny-mistral-fixed8.onnx", "tiny-mistral-optimum.onnx", "tiny-mistral.onnx",
            "tiny-neox-decode.onnx", "tiny-neox.onnx", "tiny-olmo-decode.onnx", "tiny-olmo.onnx",
            "tiny-opt-1bit-decode.onnx", "tiny-opt-1bit.onnx", "tiny-opt-decode.onnx", "tiny-opt.onnx",
            "tiny-phi3-decode.onnx", "tiny-phi3.onnx", "tiny-stablelm-decode.onnx", "tiny-stablelm.onnx",
        ]);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_loads_with_opset_17_and_finite_weights(string name)
    {
        var model = Load(name);
        model.Opset.ShouldBe(17);
        model.IrVersion.ShouldBe(8);
        model.Graph.Inputs[0].Name.ShouldBe("input_ids");
        model.Graph.Inputs[0].ElementType.ShouldBe(OnnxDataType.Int64);
        model.Graph.Outputs[0].Name.ShouldBe(name == "tiny-bert.onnx" ? "last_hidden_state" : "logits"); // the encoder's output
        model.Graph.Initializers.Count.ShouldBeGreaterThan(10);
        foreach (var t in model.Graph.Initializers.Where(t => t.DataType == OnnxDataType.Float))
            t.ToFloat32().ShouldAllBe(v => float.IsFinite(v), t.Name);
    }

    [Theory]
    [InlineData("tiny-opt.onnx")]
    [InlineData("tiny-gpt2.onnx")]
    [InlineData("tiny-llama.onnx")]
    [InlineData("tiny-phi3.onnx")]
    [InlineData("tiny-bloom.onnx")]
    [InlineData("tiny-gemma2.onnx")]
    [InlineData("tiny-bert.onnx")]
    [InlineData("tiny-neox.onnx")]
    [InlineData("tiny-falcon.onnx")]
    [InlineData("tiny-stablelm.onnx")]
    [InlineData("tiny-olmo.onnx")]
    [InlineData("tiny-gemma.onnx")]
    [InlineData("tiny-mistral.onnx")]
    [InlineData("tiny-llama-tied.onnx")]
    [InlineData("tiny-llama-linear.onnx")]
    [InlineData("tiny-gptj.onnx")]
    public void Full_sequence_graph_has_symbolic_seq(string name)
    {
        var g = Load(name).Graph;
        g.Inputs.Single().Shape!.ToString().ShouldBe("[1, seq]");
        g.Outputs.Single().Shape!.Dims[1].Symbol.ShouldBe("seq");
    }

    [Theory]
    [InlineData("tiny-opt-decode.onnx", 2, 4, 16)]
    [InlineData("tiny-gpt2-decode.onnx", 2, 4, 16)]
    [InlineData("tiny-llama-decode.onnx", 3, 2, 16)]
    [InlineData("tiny-phi3-decode.onnx", 2, 2, 96)]
    [InlineData("tiny-bloom-decode.onnx", 2, 6, 16)]
    [InlineData("tiny-gemma2-decode.onnx", 2, 2, 16)]
    [InlineData("tiny-neox-decode.onnx", 2, 4, 16)]
    [InlineData("tiny-falcon-decode.onnx", 2, 1, 16)]
    [InlineData("tiny-stablelm-decode.onnx", 2, 2, 16)]
    [InlineData("tiny-olmo-decode.onnx", 2, 4, 16)]
    [InlineData("tiny-gemma-decode.onnx", 2, 1, 32)]
    [InlineData("tiny-mistral-decode.onnx", 2, 2, 16)]
    [InlineData("tiny-llama-tied-decode.onnx", 2, 2, 16)]
    [InlineData("tiny-llama-linear-decode.onnx", 2, 2, 16)]
    [InlineData("tiny-gptj-decode.onnx", 2, 4, 16)]
    public void Decode_graph_has_kv_cache_per_layer(string name, int layers, int kvHeads, int headDim)
    {
        var g = Load(name).Graph;
        g.Inputs[0].Shape!.ToString().ShouldBe("[1, 1]");
        g.Inputs.Count.ShouldBe(1 + 2 * layers);
        g.Outputs.Count.ShouldBe(1 + 2 * layers);
        g.Inputs[1].Name.ShouldBe("past_key_values.0.key");
        g.Inputs[1].Shape!.ToString().ShouldBe($"[1, {kvHeads}, past_seq, {headDim}]");
        g.Outputs[2].Name.ShouldBe("present.0.value");
        g.Outputs[2].Shape!.Dims[2].Symbol.ShouldBe("total_seq");
    }

    [Fact]
    public void Llama_weights_come_from_external_data()
    {
        var full = Load("tiny-llama.onnx").Graph;
        var decode = Load("tiny-llama-decode.onnx").Graph;
        var embed = full.FindInitializer("embed_tokens.weight")!;
        embed.Dims.ShouldBe([320L, 64L]);
        var values = embed.ToFloat32();
        // Embeddings were drawn with std 0.08 (generate.py); zeros would mean nothing was read.
        var std = Math.Sqrt(values.Select(v => (double)v * v).Average());
        std.ShouldBeInRange(0.07, 0.09);
        // The two graphs were saved to separate .data files from the same weights.
        decode.FindInitializer("embed_tokens.weight")!.ToFloat32().ShouldBe(values);
    }

    [Theory]
    [InlineData("tiny-gpt2.onnx")]
    [InlineData("tiny-gpt2-decode.onnx")]
    public void Gpt2_lm_head_is_tied_to_the_token_embedding(string name)
    {
        var g = Load(name).Graph;
        g.FindInitializer("wte.weight")!.Dims.ShouldBe([256L, 64L]);
        // One matrix, two uses: the embedding Gather and the LM head's Transpose (exported unfolded).
        g.Nodes.Where(n => n.Inputs.Contains("wte.weight")).Select(n => n.OpType).Order(StringComparer.Ordinal)
            .ShouldBe(["Gather", "Transpose"]);
    }
}
