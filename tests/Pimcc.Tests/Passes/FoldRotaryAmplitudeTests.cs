using Pimcc.Compiler.Passes;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;
using Pimcc.Tests.Driver;
using Pimcc.Tests.Functional;
using Pimcc.Tests.HfExports;

namespace Pimcc.Tests.Passes;

/// <summary>
/// fold-rotary-amplitude on the llama-yarn export form (samples/onnx/forms/llama-yarn: torch's yarn tables, amplitude
/// 0.1·ln 4 + 1): the folded module computes torch's logits as the unfolded one does, and nothing is folded where the
/// fold would not be exact.
/// </summary>
public class FoldRotaryAmplitudeTests
{
    private const string Front = "infer-shapes,canonicalize";
    private const string Folding = "infer-shapes,canonicalize,fold-rotary-amplitude";
    private static string Form(string family) => RepoPaths.Combine("samples", "onnx", "forms", family, "optimum-nopast.onnx");
    private static Module Raised(string family) => OnnxFrontend.Load(Form(family), new OnnxWorkload(12, 4));
    private static IEnumerable<Operation> Ops(Module m, string opcode) => m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == opcode);

    [Fact]
    public void TheAmplitudeMovesIntoTheScaleAndTheLogitsStayTorchs()
    {
        var raised = Raised("llama-yarn");
        var (plain, _) = PassTestKit.Run(raised, Front);
        var (folded, records) = PassTestKit.Run(raised, Folding);
        var a = RotaryFrequencies.Amplitude(Ops(plain, "rotary").First().Attrs);
        a.ShouldBe(0.1 * Math.Log(4) + 1, 1e-6);
        // q and k of 2 layers, in prefill and decode
        PassTestKit.Stat(records, "fold-rotary-amplitude", FoldRotaryAmplitude.Folded.Name).ShouldBe(Ops(plain, "rotary").Count());
        Ops(folded, "rotary").ShouldAllBe(o => !o.Attrs.ContainsKey(RotaryFrequencies.AttentionScaling));
        Ops(folded, "attention").Zip(Ops(plain, "attention"))
            .ShouldAllBe(p => Math.Abs(p.First.Attrs.Float("scale") - p.Second.Attrs.Float("scale") * a * a) < 1e-12);

        var torch = SharedExports.ReadReference(Path.Combine(Path.GetDirectoryName(Form("llama-yarn"))!, "reference.json"));
        var before = CompiledSample.ReferenceLogits(plain, torch.Ids, 5);
        var after = CompiledSample.ReferenceLogits(folded, torch.Ids, 5);
        foreach (var (pos, row) in after)
            for (var j = 0; j < row.Length; j++)
            {
                row[j].ShouldBe(before[pos][j], 1e-5, $"position {pos} logit {j}");
                row[j].ShouldBe(torch.Logits[pos][j], 1e-4, $"position {pos} logit {j} vs torch");
            }
    }

    [Fact]
    public void APartialRotaryOrAnotherReaderKeepsEveryAmplitude()
    {
        // StableLM's rotary turns half of each head: its other channels are not scaled, so the scale cannot carry a
        var partial = WithAmplitude(Raised("stablelm"), 1.25);
        var (kept, records) = PassTestKit.Run(partial, Folding);
        PassTestKit.Stat(records, "fold-rotary-amplitude", FoldRotaryAmplitude.Folded.Name).ShouldBe(0);
        Ops(kept, "rotary").ShouldAllBe(o => RotaryFrequencies.Amplitude(o.Attrs) == 1.25);

        // a rotated key also returned by decode would leave the module without its amplitude
        var yarn = Raised("llama-yarn");
        var rotated = Ops(yarn, "rotary").First(o => yarn.FindFunction(Module.Decode)!.Body.Contains(o));
        var returned = yarn.WithFunctions(yarn.Functions.Select(f => f.Name == Module.Decode ? f with { Returns = f.Returns.Add(rotated.Result.Use) } : f));
        var (unchanged, r2) = PassTestKit.Run(returned, Folding);
        PassTestKit.Stat(r2, "fold-rotary-amplitude", FoldRotaryAmplitude.Folded.Name).ShouldBe(0);
        Ops(unchanged, "rotary").ShouldAllBe(o => RotaryFrequencies.Amplitude(o.Attrs) > 1);
    }

    /// <summary>pimllm's pp.rope tables have amplitude 1 and its score scale is a word in SRAM: a yarn config (Qwen2 with
    /// rope_scaling yarn, factor 4) compiles with the amplitude in the scale; StableLM's partial rotary is refused.</summary>
    [Fact]
    public void PimllmCompilesAYarnConfigWithTheAmplitudeInItsScoreScale()
    {
        var dir = Driver.CliRunner.TempDir();
        string Yarn(string sample)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Driver.CliRunner.Sample(sample)))!;
            node["rope_scaling"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "yarn", ["factor"] = 4.0, ["original_max_position_embeddings"] = 32768 };
            var path = Path.Combine(dir, sample);
            File.WriteAllText(path, node.ToJsonString());
            return path;
        }
        var ir = Path.Combine(dir, "q.pimir");
        var run = Driver.CliRunner.Run(Yarn("qwen2-0.5b.json"), "--target", "pimllm", "--emit", "ir", "-o", ir, "--prompt-tokens", "16", "--gen-tokens", "4");
        run.ExitCode.ShouldBe(0, run.Err);
        var text = File.ReadAllText(ir);
        text.ShouldNotContain(RotaryFrequencies.AttentionScaling);
        var a = 0.1 * Math.Log(4) + 1;
        text.ShouldContain(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"scale = {a * a / Math.Sqrt(64):R}"));
        var bin = Path.Combine(dir, "q.bin");
        Driver.CliRunner.Run(Yarn("qwen2-0.5b.json"), "--target", "pimllm", "-o", bin, "--prompt-tokens", "16", "--gen-tokens", "4").ExitCode.ShouldBe(0);
        var partial = Path.Combine(dir, "s.bin");
        Driver.CliRunner.Run(Yarn("stablelm-2-1_6b.json"), "--target", "pimllm", "-o", partial, "--prompt-tokens", "16", "--gen-tokens", "4")
            .ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.UnsupportedOperator, "whose cos and sin are scaled");
        File.Exists(partial).ShouldBeFalse();
    }

    private static Module WithAmplitude(Module m, double a) => m.WithFunctions(m.Functions.Select(f => f with
    {
        Body = [.. f.Body.Select(o => o.Opcode == "rotary" ? o.WithAttrs(o.Attrs.Set(RotaryFrequencies.AttentionScaling, a)) : o)],
    }));
}
