using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.IrText;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;

namespace Pimcc.Tests.Pimllm;

/// <summary>
/// Snapshot of the IR the pimllm passes leave for gpt2 (16 in, 4 out): quantised weight types, crossbar allocation,
/// KV placement and attention schedules as the backend will read them. The snapshot also round-trips through the
/// textual IR parser. Regenerate with PIMCC_REGENERATE_GOLDEN=1 after a deliberate change, and read the diff.
/// </summary>
public class PimllmGoldenTests
{
    [Theory]
    [InlineData("pimllm")]
    [InlineData("tpu-llm")]
    public void ScheduledIrOfGpt2MatchesTheSnapshotAndRoundTrips(string target)
    {
        var m = HfConfigFrontend.Load(RepoPaths.Combine("samples", "hf-configs", "gpt2.json"), new HfWorkload(16, 4));
        var text = Printer.Print(PimllmPassTests.Compile(m, TargetLoader.LoadPreset<PimllmTarget>(target)).Module);
        var path = RepoPaths.Combine("tests", "Pimcc.Tests", "Pimllm", "golden", $"gpt2-{target}.pimir");
        if (Environment.GetEnvironmentVariable("PIMCC_REGENERATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
        text.ShouldBe(File.ReadAllText(path), $"snapshot {path} is stale; regenerate with PIMCC_REGENERATE_GOLDEN=1");
        var parsed = IrTextParser.Parse(text, path);
        Verifier.Verify(parsed).ShouldBeEmpty();
        Printer.Print(parsed).ShouldBe(text);
    }
}
