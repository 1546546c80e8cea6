using System.Text.Json.Nodes;
using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using static Pimcc.Tests.HfConfig.HfConfigKit;

namespace Pimcc.Tests.HfConfig;

/// <summary>
/// <c>rope_scaling</c> of type yarn in a HuggingFace config: the frequencies and the attention factor the frontend
/// states on every rotary op, checked against what torch computed for the llama-yarn export form
/// (samples/onnx/forms/llama-yarn: transformers 4.48's _compute_yarn_parameters, read off its cos/sin tables by the ONNX
/// raiser), and against the formula by hand.
/// </summary>
public class YarnConfigTests
{
    /// <summary>The llama-yarn form's model (generate-forms.py: hidden 32, 4 heads of 8, θ 10000, factor 4, original 32).</summary>
    private static Module FormAsConfig(Action<JsonObject>? edit = null) => LoadEdited("llama-3.2-1b.json", c =>
    {
        c["hidden_size"] = 32; c["num_attention_heads"] = 4; c["num_key_value_heads"] = 2; c["head_dim"] = 8;
        c["intermediate_size"] = 64; c["num_hidden_layers"] = 2; c["vocab_size"] = 128; c["max_position_embeddings"] = 128;
        c["rope_theta"] = 10000.0;
        c["rope_scaling"] = new JsonObject { ["rope_type"] = "yarn", ["factor"] = 4.0, ["original_max_position_embeddings"] = 32 };
        edit?.Invoke(c);
    }, new HfWorkload(8, 4), "llama-yarn.json");

    private static Operation Rotary(Module m) => Ops(m, Module.Decode, "rotary").First();

    [Fact]
    public void TheConfigsFrequenciesAndAmplitudeAreTorchsForTheSameModel()
    {
        var fromConfig = Rotary(FormAsConfig());
        fromConfig.Attrs.Str("scaling").ShouldBe("yarn");
        var raised = Ops(OnnxFrontend.Load(RepoPaths.Combine("samples", "onnx", "forms", "llama-yarn", "optimum-nopast.onnx"), new OnnxWorkload(8, 4)),
            Module.Decode, "rotary").First();
        double[] mine = RotaryFrequencies.Of(fromConfig.Attrs), torch = RotaryFrequencies.Of(raised.Attrs);
        mine.Length.ShouldBe(4);
        for (var i = 0; i < mine.Length; i++) mine[i].ShouldBe(torch[i], torch[i] * 1e-6, $"pair {i}"); // torch computes in float32
        RotaryFrequencies.Amplitude(fromConfig.Attrs).ShouldBe(RotaryFrequencies.Amplitude(raised.Attrs), 1e-6);
        RotaryFrequencies.Amplitude(fromConfig.Attrs).ShouldBe(0.1 * Math.Log(4) + 1, 1e-12);
    }

    [Fact]
    public void TheAttentionFactorFollowsAttentionFactorThenMscaleThenTheDefault()
    {
        double Amplitude(JsonObject extra) => RotaryFrequencies.Amplitude(Rotary(FormAsConfig(c =>
        {
            foreach (var (k, v) in extra) c["rope_scaling"]![k] = v?.DeepClone();
        })).Attrs);
        Amplitude(new JsonObject { ["attention_factor"] = 0.5 }).ShouldBe(0.5);
        // DeepSeek's form: mscale(4, 1) / mscale(4, 0.707)
        Amplitude(new JsonObject { ["mscale"] = 1.0, ["mscale_all_dim"] = 0.707 })
            .ShouldBe((0.1 * Math.Log(4) + 1) / (0.1 * 0.707 * Math.Log(4) + 1), 1e-12);
        // equal mscales cancel: amplitude 1, so the op carries no attention_scaling at all
        Rotary(FormAsConfig(c => { c["rope_scaling"]!["mscale"] = 1.0; c["rope_scaling"]!["mscale_all_dim"] = 1.0; }))
            .Attrs.ContainsKey(RotaryFrequencies.AttentionScaling).ShouldBeFalse();
        // mscale_all_dim 0 is "off" (transformers tests truthiness): the default 0.1 ln 4 + 1
        Amplitude(new JsonObject { ["mscale"] = 1.0, ["mscale_all_dim"] = 0.0 }).ShouldBe(0.1 * Math.Log(4) + 1, 1e-12);
    }

    [Fact]
    public void TheRampSitsInTheOriginalContextAndBetasMoveIt()
    {
        // without original_max_position_embeddings the config's max_position_embeddings (128) places the ramp
        var noOriginal = Rotary(FormAsConfig(c => c["rope_scaling"]!.AsObject().Remove("original_max_position_embeddings")));
        noOriginal.Attrs.Int("original_max_positions").ShouldBe(128);
        RotaryFrequencies.Of(noOriginal.Attrs).ShouldBe(RotaryFrequencies.Compute(10000, 8, "yarn", 4, 1, 4, 128));
        var betas = Rotary(FormAsConfig(c => { c["rope_scaling"]!["beta_fast"] = 8.0; c["rope_scaling"]!["beta_slow"] = 0.5; c["rope_scaling"]!["truncate"] = false; }));
        RotaryFrequencies.Of(betas.Attrs).ShouldBe(RotaryFrequencies.Compute(10000, 8, "yarn", 4, 1, 4, 32, 8, 0.5, yarnTruncate: false));
        RotaryFrequencies.Of(betas.Attrs).ShouldNotBe(RotaryFrequencies.Of(Rotary(FormAsConfig()).Attrs));
    }

    [Fact]
    public void BadYarnFieldsAreNamed()
    {
        Fails(() => FormAsConfig(c => c["rope_scaling"]!["factor"] = -2.0), ExitCode.InvalidModel)
            .Location.ShouldBe("llama-yarn.json: field 'rope_scaling.factor'");
        Fails(() => FormAsConfig(c => c["rope_scaling"]!["mscale"] = "big"), ExitCode.InvalidModel)
            .Location.ShouldBe("llama-yarn.json: field 'rope_scaling.mscale'");
        Fails(() => FormAsConfig(c => c["rope_scaling"]!["attention_factor"] = 0.0), ExitCode.InvalidModel)
            .Location.ShouldBe("llama-yarn.json: field 'rope_scaling.attention_factor'");
    }
}
