using System.Text.Json.Nodes;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>Every user mistake is one PimccError line with the right exit code, naming the file and field.</summary>
public class ConfigErrorTests
{
    private static PimccError FailsText(string json, ExitCode code, string file = "bad.json") =>
        Fails(() => HfConfigFrontend.Load(json, file, Workload), code);

    private static PimccError FailsEdited(string sample, Action<JsonObject> edit, ExitCode code, HfWorkload? workload = null) =>
        Fails(() => LoadEdited(sample, edit, workload), code);

    [Fact]
    public void MalformedJsonPointsAtLineAndColumn()
    {
        var e = FailsText("{\n  \"model_type\": \"opt\",\n  \"hidden_size\": 768,,\n}", ExitCode.MalformedInput);
        e.Location.ShouldBe("bad.json:3:22");
        e.OneLine.ShouldStartWith("bad.json:3:22: error: malformed JSON: ");
        e.Message.ShouldNotContain("LineNumber");
    }

    [Fact]
    public void TruncatedJsonIsMalformed() =>
        FailsText("{\"model_type\": \"opt\"", ExitCode.MalformedInput).Location.ShouldStartWith("bad.json:1:");

    [Fact]
    public void TrailingCommasAndCommentsAreMalformed()
    {
        FailsText("{\"model_type\": \"opt\",}", ExitCode.MalformedInput);
        FailsText("// c\n{\"model_type\": \"opt\"}", ExitCode.MalformedInput).Location.ShouldBe("bad.json:1:1");
    }

    [Fact]
    public void TopLevelMustBeAnObject() =>
        FailsText("[1, 2]", ExitCode.InvalidModel).Message.ShouldContain("an array");

    [Fact]
    public void UnknownModelTypeListsTheSupportedOnes()
    {
        var e = FailsEdited("gpt2.json", c => c["model_type"] = "t5", ExitCode.UnsupportedModel);
        e.Location.ShouldBe("gpt2.json: field 'model_type'");
        e.Message.ShouldContain("\"t5\"");
        e.Message.ShouldContain("bert, bloom, codegen, falcon, gemma, gemma2, gpt2, gpt_neox, gptj, llama, mistral, olmo, opt, phi, phi3, qwen2, stablelm");
    }

    [Fact]
    public void MissingModelTypeIsInvalid() =>
        FailsEdited("gpt2.json", c => c.Remove("model_type"), ExitCode.InvalidModel).Location.ShouldBe("gpt2.json: field 'model_type'");

    [Theory]
    [InlineData("opt-125m.json", "hidden_size")]
    [InlineData("opt-125m.json", "ffn_dim")]
    [InlineData("opt-125m.json", "vocab_size")]
    [InlineData("gpt2.json", "n_embd")]
    [InlineData("gpt2.json", "n_positions")]
    [InlineData("llama-3.2-1b.json", "intermediate_size")]
    [InlineData("llama-3.2-1b.json", "num_hidden_layers")]
    [InlineData("qwen2-0.5b.json", "max_position_embeddings")]
    public void MissingRequiredFieldIsNamed(string sample, string field)
    {
        var e = FailsEdited(sample, c => c.Remove(field), ExitCode.InvalidModel);
        e.Location.ShouldBe($"{sample}: field '{field}'");
        e.Message.ShouldContain("missing required field");
    }

    [Fact]
    public void NullRequiredFieldIsMissing() =>
        FailsEdited("opt-125m.json", c => c["hidden_size"] = null, ExitCode.InvalidModel).Message.ShouldContain("missing");

    [Theory]
    [InlineData("hidden_size", "\"768\"", "a string")]
    [InlineData("hidden_size", "768.5", "a number")]
    [InlineData("hidden_size", "[768]", "an array")]
    [InlineData("do_layer_norm_before", "1", "a number")]
    [InlineData("model_type", "7", "a number")]
    [InlineData("activation_function", "{}", "an object")]
    [InlineData("torch_dtype", "16", "a number")]
    public void WrongJsonTypeIsNamed(string field, string json, string found)
    {
        var e = FailsEdited("opt-125m.json", c => c[field] = JsonNode.Parse(json), ExitCode.InvalidModel);
        e.Location.ShouldBe($"opt-125m.json: field '{field}'");
        e.Message.ShouldContain($"found {found}");
    }

    [Theory]
    [InlineData("num_hidden_layers", -1)]
    [InlineData("num_hidden_layers", 0)]
    [InlineData("hidden_size", -768)]
    [InlineData("num_attention_heads", 0)]
    [InlineData("word_embed_proj_dim", -1)]
    public void NonPositiveSizesAreInvalid(string field, long value)
    {
        var e = FailsEdited("opt-125m.json", c => c[field] = value, ExitCode.InvalidModel);
        e.Location.ShouldBe($"opt-125m.json: field '{field}'");
        e.Message.ShouldContain("must be a positive integer");
    }

    [Theory]
    [InlineData("hidden_size", "2000000")]
    [InlineData("vocab_size", "1000000000000")]
    [InlineData("num_hidden_layers", "1e30")]
    [InlineData("ffn_dim", "99999999999999999999999")]
    public void AbsurdSizesAreInvalid(string field, string json)
    {
        var e = FailsEdited("opt-125m.json", c => c[field] = JsonNode.Parse(json), ExitCode.InvalidModel);
        e.Location.ShouldBe($"opt-125m.json: field '{field}'");
        e.Message.ShouldContain("absurdly large");
    }

    [Fact]
    public void HiddenSizeMustDivideByHeads()
    {
        var e = FailsEdited("opt-125m.json", c => c["hidden_size"] = 770, ExitCode.InvalidModel);
        e.Location.ShouldBe("opt-125m.json: field 'hidden_size'");
        e.Message.ShouldBe("hidden_size = 770 is not divisible by num_attention_heads = 12");
        FailsEdited("gpt2.json", c => c["n_head"] = 7, ExitCode.InvalidModel).Location.ShouldBe("gpt2.json: field 'n_embd'");
        FailsEdited("llama-3.2-1b.json", c => { c.Remove("head_dim"); c["num_attention_heads"] = 30; c["num_key_value_heads"] = 10; },
            ExitCode.InvalidModel).Location.ShouldBe("llama-3.2-1b.json: field 'hidden_size'");
    }

    [Fact]
    public void HeadsMustDivideByKvHeads()
    {
        var e = FailsEdited("llama-3.2-1b.json", c => c["num_key_value_heads"] = 5, ExitCode.InvalidModel);
        e.Location.ShouldBe("llama-3.2-1b.json: field 'num_attention_heads'");
        e.Message.ShouldContain("num_key_value_heads = 5");
    }

    [Fact]
    public void OddHeadDimCannotBeRotated() =>
        FailsEdited("llama-3.2-1b.json", c => c["head_dim"] = 63, ExitCode.InvalidModel).Location.ShouldBe("llama-3.2-1b.json: field 'head_dim'");

    [Fact]
    public void DuplicateFieldsAreRejected()
    {
        var json = File.ReadAllText(Sample("gpt2.json")).Replace("\"n_layer\": 12,", "\"n_layer\": 12,\n  \"n_layer\": 13,");
        FailsText(json, ExitCode.InvalidModel, "gpt2.json").Location.ShouldBe("gpt2.json: field 'n_layer'");
    }

    [Fact]
    public void WorkloadBeyondMaxPositionsNamesTheField()
    {
        var e = FailsEdited("gpt2.json", _ => { }, ExitCode.Usage, new HfWorkload(1000, 25));
        e.Location.ShouldBe("gpt2.json: field 'n_positions'");
        e.Message.ShouldContain("1025 positions");
        FailsEdited("opt-125m.json", _ => { }, ExitCode.Usage, new HfWorkload(2048, 1)).Location
            .ShouldBe("opt-125m.json: field 'max_position_embeddings'");
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, -1)]
    public void EmptyPromptOrNegativeGenerationIsAUsageError(int prompt, int generated) =>
        FailsEdited("gpt2.json", _ => { }, ExitCode.Usage, new HfWorkload(prompt, generated)).Location.ShouldBe("gpt2.json");

    [Fact]
    public void SlidingWindowShorterThanTheWorkloadIsUnsupported()
    {
        var e = FailsEdited("mistral-7b.json", _ => { }, ExitCode.UnsupportedModel, new HfWorkload(4000, 100));
        e.Location.ShouldBe("mistral-7b.json: field 'sliding_window'");
        LoadEdited("mistral-7b.json", c => c["sliding_window"] = null, new HfWorkload(4000, 100)).Attrs.ContainsKey("sliding_window").ShouldBeFalse();
        // Qwen2 windows only the layers from max_window_layers on.
        FailsEdited("qwen2-0.5b.json", c => { c["use_sliding_window"] = true; c["sliding_window"] = 512; c["max_window_layers"] = 12; }, ExitCode.UnsupportedModel);
        LoadEdited("qwen2-0.5b.json", c => { c["use_sliding_window"] = true; c["sliding_window"] = 512; }).Attrs.ContainsKey("sliding_window").ShouldBeFalse();
    }

    [Fact]
    public void UnsupportedActivationDtypeAndRopeAreNamed()
    {
        FailsEdited("opt-125m.json", c => c["activation_function"] = "quick_gelu", ExitCode.UnsupportedModel)
            .Location.ShouldBe("opt-125m.json: field 'activation_function'");
        FailsEdited("llama-3.2-1b.json", c => c["hidden_act"] = "mish", ExitCode.UnsupportedModel)
            .Location.ShouldBe("llama-3.2-1b.json: field 'hidden_act'");
        FailsEdited("opt-125m.json", c => c["torch_dtype"] = "float64", ExitCode.UnsupportedModel)
            .Message.ShouldContain("float16, bfloat16, float32");
        FailsEdited("llama-3.2-1b.json", c => c["rope_scaling"]!["rope_type"] = "longrope", ExitCode.UnsupportedModel)
            .Location.ShouldBe("llama-3.2-1b.json: field 'rope_scaling.rope_type'");
        FailsEdited("opt-125m.json", c => c["layer_norm_elementwise_affine"] = false, ExitCode.UnsupportedModel)
            .Location.ShouldBe("opt-125m.json: field 'layer_norm_elementwise_affine'");
    }

    [Fact]
    public void NestedFieldsAreNamedWithTheirPath()
    {
        FailsEdited("llama-3.2-1b.json", c => c["rope_scaling"]!.AsObject().Remove("factor"), ExitCode.InvalidModel)
            .Location.ShouldBe("llama-3.2-1b.json: field 'rope_scaling.factor'");
        FailsEdited("llama-3.2-1b.json", c => c["rope_scaling"] = "llama3", ExitCode.InvalidModel)
            .Location.ShouldBe("llama-3.2-1b.json: field 'rope_scaling'");
        FailsEdited("llama-3.2-1b.json", c => c["rope_theta"] = -1.0, ExitCode.InvalidModel)
            .Location.ShouldBe("llama-3.2-1b.json: field 'rope_theta'");
    }

    [Fact]
    public void MissingFileIsInputNotFound()
    {
        var path = Path.Combine(SamplesDir, "no-such-model.json");
        var e = Fails(() => HfConfigFrontend.Load(path, Workload), ExitCode.InputNotFound);
        e.Location.ShouldBe(path);
    }

    [Fact]
    public void NonFloatDtypeOverrideIsAUsageError() =>
        Fails(() => HfConfigFrontend.Load(Sample("gpt2.json"), Workload, ElementType.I8), ExitCode.Usage);

    /// <summary>
    /// Robustness: removing any field of a sample, or giving it a wrong type or a bad number, either
    /// still loads (an optional field) or fails with a PimccError; never another exception.
    /// </summary>
    [Theory]
    [InlineData("opt-350m.json", "num_hidden_layers")]
    [InlineData("gpt2.json", "n_layer")]
    [InlineData("llama-3.2-1b.json", "num_hidden_layers")]
    [InlineData("qwen2-0.5b.json", "num_hidden_layers")]
    public void NoFieldEditEscapesAsAnotherException(string sample, string layersField)
    {
        var fields = JsonNode.Parse(File.ReadAllText(Sample(sample)))!.AsObject().Select(kv => kv.Key).ToList();
        JsonNode?[] replacements = [null, "x", -1, 0, 0.5, true, new JsonArray(), 1e300];
        var small = new HfWorkload(4, 4);
        var failures = 0;
        foreach (var field in fields)
        {
            // Two layers keep each load cheap; the edit under test may override that.
            var edits = new List<Action<JsonObject>> { c => { c[layersField] = 2; c.Remove(field); } };
            edits.AddRange(replacements.Select(r => (Action<JsonObject>)(c => { c[layersField] = 2; c[field] = r?.DeepClone(); })));
            foreach (var edit in edits)
            {
                try { Verifier.Verify(LoadEdited(sample, edit, small)).ShouldBeEmpty(); }
                catch (PimccError) { failures++; }
            }
        }
        failures.ShouldBeGreaterThan(fields.Count); // the required fields did fail
    }
}
