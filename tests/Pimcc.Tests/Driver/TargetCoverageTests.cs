using System.Text.Json.Nodes;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Tests.HfConfig;
using Xunit.Abstractions;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Every bundled model meets every PIM target: each sample ONNX graph and each sample HF config compiles for hpim,
/// pimllm and hyflexpim, or is refused with the one-line diagnostic of a model the target cannot run (an unsupported
/// model or operator, a capacity the target lacks), never an internal error. HF configs are cut to one layer (the
/// layer count's key set to 1), which keeps every per-layer pattern and every width, so a pass that fails on a family
/// fails here too; an OLMo config crashed pimllm's KV-cache placement (a norm without gamma) until session 13.
/// </summary>
public class TargetCoverageTests(ITestOutputHelper output)
{
    private static readonly string[] Targets = ["hpim", "pimllm", "hyflexpim"];

    /// <summary>What a target may answer for a model it cannot run: a refusal of the model, not of the input.</summary>
    private static readonly ExitCode[] Refusals =
    [
        ExitCode.UnsupportedModel, ExitCode.UnsupportedOperator, ExitCode.CapacityExceeded, ExitCode.CrossbarsExceeded,
        ExitCode.WeightFormatUnsupported, ExitCode.ContextExceedsMemory,
    ];

    public static TheoryData<string> OnnxSamples =>
    [
        .. Directory.EnumerateFiles(RepoPaths.Combine("samples", "onnx"), "*.onnx").Select(Path.GetFileName).OfType<string>()
            .Where(f => !f.EndsWith("-decode.onnx", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> ConfigSamples => [.. HfConfigKit.SampleFiles];

    [Theory]
    [MemberData(nameof(OnnxSamples))]
    public void EveryOnnxSampleCompilesForEveryTargetOrIsRefusedInOneLine(string sample)
    {
        var path = RepoPaths.Combine("samples", "onnx", sample);
        CompileForEveryTarget(path, sample, HfConfigKit.IsEncoder(OnnxFrontend.Load(path, new OnnxWorkload(8, 0))));
    }

    [Theory]
    [MemberData(nameof(ConfigSamples))]
    public void EveryConfigSampleCutToOneLayerCompilesForEveryTargetOrIsRefusedInOneLine(string sample)
    {
        var json = HfConfigKit.Edit(sample, c =>
        {
            var keys = new[] { "num_hidden_layers", "n_layer", "num_layers", "n_layers" }.Where(c.ContainsKey).ToList();
            keys.ShouldNotBeEmpty("the sample names its layer count");
            foreach (var k in keys) c[k] = JsonValue.Create(1);
        });
        var path = Path.Combine(CliRunner.TempDir(), sample);
        File.WriteAllText(path, json);
        CompileForEveryTarget(path, sample, HfConfigKit.IsEncoder(HfConfigKit.LoadSample(sample)));
    }

    /// <summary>An encoder generates nothing: its workload is the prompt alone.</summary>
    private void CompileForEveryTarget(string model, string name, bool encoder)
    {
        var dir = CliRunner.TempDir();
        foreach (var target in Targets)
        {
            var bin = Path.Combine(dir, $"{target}.bin");
            var r = CliRunner.Run(model, "--target", target, "--prompt-tokens", "8", "--gen-tokens", encoder ? "0" : "2", "-o", bin);
            output.WriteLine($"{name} on {target}: exit {r.ExitCode} {r.Err.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal))}");
            if (r.ExitCode == 0)
            {
                new FileInfo(bin).Length.ShouldBeGreaterThan(0, $"{name} on {target}");
                continue;
            }
            Refusals.ShouldContain((ExitCode)r.ExitCode, $"{name} on {target}: {r.Err}");
            var error = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(": note: ", StringComparison.Ordinal)).ToList();
            error.Count.ShouldBe(1, $"{name} on {target}: {r.Err}");
            error[0].ShouldContain("(hint: ");
            r.Err.ShouldNotContain("   at ");
            File.Exists(bin).ShouldBeFalse($"{name} on {target}: a refused compile leaves no output");
        }
    }
}
