using System.Globalization;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Hpim.Sim.Functional;
using Pimcc.OnnxRuntime;
using Pimcc.Tests.Onnx;
using Pimcc.Sim.Functional;
using Pimcc.Tests.Driver;
using Pimcc.Tests.Functional;
using Pimcc.Tests.HfExports;
using Xunit.Abstractions;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// Every decoder family in the forms optimum and users export (samples/onnx/forms/&lt;family&gt;/, written by
/// generate-forms.py, issue 14): optimum's no-past and with-past decoders, optimum's merged decoder (an <c>If</c> on
/// <c>use_cache_branch</c>) and a fixed [1, 8] graph. ONNX Runtime runs each form as torch does (the reference beside
/// them: torch's logits for 12 token ids); each raises to the one decoder its no-past export raises to (no generic ops,
/// weights compared by hash); that decoder reproduces torch's logits in the reference interpreter (FP32) and, compiled
/// for hpim, in the functional simulator (FP16 datapath) for a prompt of 5 tokens and 7 decode steps.
/// </summary>
public class ExportFormFamiliesTests(ITestOutputHelper output)
{
    /// <summary>ONNX Runtime vs torch, and the raised IR vs torch: float32 summation orders only (as RaisedVersusOrtTests).</summary>
    private const double Fp32Tolerance = 2e-5;

    /// <summary>The hpim datapath (FP16 values, FP32 accumulation) vs torch FP32: 3e-3 of the row's largest |logit| (at
    /// least 1), about three FP16 steps (2^-10 relative) at the logits' scale. These tiny models' logits reach 4.6
    /// (BLOOM); measured at most 2.7e-3 absolute where they stay below 2, 3.6e-3 at BLOOM's 4.6. A wrong mask, rotary
    /// position, amplitude, bias or scale moves logits by 1e-2 and more.</summary>
    private const double CompiledRelativeTolerance = 3e-3;

    private static readonly OnnxWorkload Workload = new(12, 4);

    public static readonly string[] Forms = ["optimum-nopast.onnx", "optimum-with-past.onnx", "decoder_model_merged.onnx", "fixed8.onnx"];

    public static string Folder => RepoPaths.Combine("samples", "onnx", "forms");

    public static string[] FamilyNames() =>
        [.. Directory.GetDirectories(Folder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Families() => new(FamilyNames());

    private static string Model(string family, string form) => Path.Combine(Folder, family, form);

    private static SharedExports.Reference Reference(string family) => SharedExports.ReadReference(Path.Combine(Folder, family, "reference.json"));

    [Fact]
    public void Every_family_folder_holds_every_form()
    {
        var families = FamilyNames();
        families.Length.ShouldBeGreaterThanOrEqualTo(15);
        foreach (var f in families)
            foreach (var file in Forms.Append("reference.json"))
                File.Exists(Model(f, file)).ShouldBeTrue($"{f}/{file}");
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Onnx_runtime_runs_every_form_as_torch(string family)
    {
        var r = Reference(family);
        var ids = r.Ids.Select(i => (long)i).ToArray();
        double worst = 0;
        void Check(OrtTensor logits, int row, int firstPosition, string what)
        {
            var vocab = (int)logits.Dims[2];
            for (var i = 0; i < logits.Dims[1]; i++)
                for (var j = 0; j < vocab; j++)
                {
                    var err = Math.Abs(logits.Data[((row + i) * vocab) + j] - r.Logits[firstPosition + i][j]);
                    err.ShouldBeLessThanOrEqualTo(Fp32Tolerance, $"{family} {what} position {firstPosition + i}");
                    worst = Math.Max(worst, err);
                }
        }
        var full = OrtRunner.Run(Model(family, "optimum-nopast.onnx"), Unpadded(Model(family, "optimum-nopast.onnx"), ids, 0));
        Check(full[0].Tensor, 0, 0, "optimum-nopast");
        Check(OrtRunner.RunInputIds(Model(family, "fixed8.onnx"), ids[..8]), 0, 0, "fixed8");
        foreach (var form in new[] { "optimum-with-past.onnx", "decoder_model_merged.onnx" })
        {
            // a prompt of 5 on an empty cache (the merged decoder's no-past branch), then one token at a time
            var path = Model(family, form);
            var past = new List<(string Name, OrtTensor Tensor)>();
            for (var (start, end) = (0, 5); start < ids.Length; (start, end) = (end, end + 1))
            {
                var inputs = Unpadded(path, ids[start..end], start);
                inputs.AddRange(start == 0 ? EmptyPast(path) : past);
                if (form.StartsWith("decoder_model_merged", StringComparison.Ordinal)) inputs.Add(("use_cache_branch", new OrtTensor("bool", [1], [start == 0 ? 0 : 1])));
                var outs = OrtRunner.Run(path, inputs);
                Check(outs[0].Tensor, 0, start, form);
                past = [.. outs.Skip(1).Select(o => (o.Name.Replace("present", "past_key_values", StringComparison.Ordinal), o.Tensor))];
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}: ONNX Runtime vs torch over every form, max abs {worst:E2}"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_form_raises_to_the_no_past_exports_decoder(string family)
    {
        var want = RaisedDecoders.Canonical(OnnxFrontend.Load(Model(family, "optimum-nopast.onnx"), Workload));
        foreach (var form in Forms)
        {
            var (module, report) = OnnxFrontend.LoadWithReport(Model(family, form), Workload);
            output.WriteLine($"{family}/{form}: {report.Describe()}");
            report.Raised.ShouldBeTrue($"{family}/{form}");
            report.GenericOps.ShouldBe(0, $"{family}/{form}");
            RaisedDecoders.Canonical(module).ShouldBe(want, $"{family}/{form}");
            // a weight the exporter's folding copied (a tied head as a transposed copy of the embedding) is read once
            module.Weights.GroupBy(w => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(w.Data.AsSpan())))
                .Where(g => g.Count() > 1).Select(g => string.Join(" = ", g.Select(w => w.Name))).ShouldBeEmpty($"{family}/{form}");
        }
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Raised_decoder_reproduces_torch(string family)
    {
        var r = Reference(family);
        var module = OnnxFrontend.Load(Model(family, "optimum-nopast.onnx"), Workload);
        double worst = 0;
        foreach (var prompt in new[] { 1, 5, 12 })
            foreach (var (pos, logits) in CompiledSample.ReferenceLogits(module, r.Ids, prompt))
                worst = Math.Max(worst, SharedExportsTests.Compare(logits, r.Logits[pos], Fp32Tolerance, $"{family} prompt {prompt} position {pos}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}: raised IR vs torch, max abs {worst:E2}"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Compiled_merged_decoder_reproduces_torch_on_values(string family)
    {
        var r = Reference(family);
        var path = Model(family, "decoder_model_merged.onnx");
        FunctionalSimulator Sim(int prompt, int generated) =>
            new(SharedExportsTests.Compile(path, prompt, generated), $"{family}.bin", new FunctionalOptions { CheckInterleavings = false });
        // the prefill program on a prompt of 5, and the decode program fed all 12 ids one by one
        var prefill = FunctionalGeneration.Run(Sim(5, 7), r.Ids[..5], 0);
        prefill.PromptReplayed.ShouldBeFalse();
        var worst = SharedExportsTests.Compare(prefill.Steps[0].Logits, r.Logits[4], Compiled(r.Logits[4]), $"{family} compiled prefill of 5");
        var replay = FunctionalGeneration.Run(Sim(12, 0), r.Ids, 0, replayPrompt: true);
        replay.Steps.Count.ShouldBe(12);
        foreach (var step in replay.Steps)
            worst = Math.Max(worst, SharedExportsTests.Compare(step.Logits, r.Logits[step.Position], Compiled(r.Logits[step.Position]), $"{family} compiled decode at {step.Position}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{family}: compiled hpim program vs torch, max abs {worst:E2}"));
    }

    /// <summary>yarn's amplitude on cos and sin (attention_scaling): hpim's tables carry it (above); hyflexpim's SFU tables
    /// have amplitude 1, so it refuses the op with nothing written rather than drop it. (pimllm refuses it too, but these
    /// heads of 8 channels already fail its 16-channel rule.)</summary>
    [Theory]
    [InlineData("hyflexpim")]
    public void A_target_without_scaled_rotary_tables_refuses_yarn(string target)
    {
        var bin = Path.Combine(CliRunner.TempDir(), "m.bin");
        CliRunner.Run(Model("llama-yarn", "optimum-nopast.onnx"), "--target", target, "-o", bin, "--prompt-tokens", "4", "--gen-tokens", "2")
            .ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.UnsupportedOperator, "whose cos and sin are scaled");
        File.Exists(bin).ShouldBeFalse();
    }

    private static double Compiled(float[] row) => CompiledRelativeTolerance * Math.Max(1, row.Max(Math.Abs));

    /// <summary>The token ids with the all-ones attention mask over cached and new positions and the positions
    /// that follow the cache, as far as the graph takes them.</summary>
    private static List<(string Name, OrtTensor Tensor)> Unpadded(string model, long[] ids, int past)
    {
        var inputs = new List<(string, OrtTensor)> { ("input_ids", OrtTensor.InputIds(ids)) };
        var names = Frontends.Onnx.OnnxModelLoader.Load(model).Graph.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        if (names.Contains("attention_mask")) inputs.Add(("attention_mask", new OrtTensor("int64", [1, past + ids.Length], [.. Enumerable.Repeat(1.0, past + ids.Length)])));
        if (names.Contains("position_ids")) inputs.Add(("position_ids", new OrtTensor("int64", [1, ids.Length], [.. Enumerable.Range(past, ids.Length).Select(p => (double)p)])));
        return inputs;
    }

    /// <summary>A [1, heads, 0, head_dim] tensor per past input: an empty cache.</summary>
    private static IEnumerable<(string Name, OrtTensor Tensor)> EmptyPast(string model) =>
        Frontends.Onnx.OnnxModelLoader.Load(model).Graph.Inputs.Where(i => i.Name.StartsWith("past_key_values", StringComparison.Ordinal))
            .Select(i => (i.Name, new OrtTensor("float32", [1, i.Shape!.Dims[1].Value!.Value, 0, i.Shape.Dims[3].Value!.Value], [])));
}
