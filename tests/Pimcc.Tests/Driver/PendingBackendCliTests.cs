using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>Targets whose lowering is not written yet (BackendPending): a binary compile is exit 48 with nothing written,
/// an IR emit with the target's own pipeline stops before that pass and gives the mapped IR.</summary>
public class PendingBackendCliTests
{
    [Theory]
    [InlineData("hyflexpim", "hfp.chips")]
    [InlineData("pimllm", "pimllm")]
    public void AnIrEmitStopsBeforeThePendingBackendAndABinaryCompileWritesNothing(string target, string marker)
    {
        var dir = CliRunner.TempDir();
        var ir = Path.Combine(dir, "m.pimir");
        var r = CliRunner.Run(CliRunner.Sample("gpt2.json"), "--target", target, "--emit", "ir", "-o", ir, "--prompt-tokens", "16", "--gen-tokens", "4");
        r.ExitCode.ShouldBe(0, r.Err);
        File.ReadAllText(ir).ShouldContain(marker);
        var bin = Path.Combine(dir, "m.bin");
        CliRunner.Run(CliRunner.Sample("gpt2.json"), "--target", target, "-o", bin, "--prompt-tokens", "16", "--gen-tokens", "4")
            .ShouldBeOneLineError(ExitCode.BackendUnavailable, "has no backend yet");
        File.Exists(bin).ShouldBeFalse();
    }
}
