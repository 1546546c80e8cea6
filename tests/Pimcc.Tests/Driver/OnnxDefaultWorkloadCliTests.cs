using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Tests.Driver;

/// <summary>
/// Regression: <c>pimcc model.onnx --target hpim -o out.bin</c> failed on every bundled sample with 128 learned
/// positions, because the default workload (256 prompt + 768 generated) needs 1024. Without workload flags the
/// workload is now scaled to the model's positions (same 1 : 3 proportion: 32 + 96 for 128) with a note; a workload
/// the user asked for is still checked and refused.
/// </summary>
public class OnnxDefaultWorkloadCliTests
{
    [Theory]
    [InlineData("tiny-opt")]
    [InlineData("tiny-gpt2-decode")]
    public void Default_workload_is_fitted_to_the_learned_positions_with_a_note(string sample)
    {
        var dir = CliRunner.TempDir();
        var ir = Path.Combine(dir, "o.pimir");
        var r = CliRunner.Run(RepoPaths.Combine("samples", "onnx", sample + ".onnx"), "--target", "hpim", "--emit", "ir", "-o", ir);
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldContain("note: the default workload (256 prompt + 768 generated tokens) exceeds the model's 128 positions; compiling for 32 + 96");
        var text = File.ReadAllText(ir);
        text.ShouldContain("prompt_tokens = 32");
        text.ShouldContain("generated_tokens = 96");
        var bin = Path.Combine(dir, "out.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", sample + ".onnx"), "--target", "hpim", "-o", bin).ExitCode.ShouldBe(0);
        File.Exists(bin).ShouldBeTrue();
    }

    [Fact]
    public void A_workload_the_user_gave_is_not_fitted()
    {
        var dir = CliRunner.TempDir();
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--target", "hpim", "--prompt-tokens", "256", "-o", Path.Combine(dir, "out.bin"))
            .ShouldBeOneLineError(ExitCode.Usage, "more than the model's 128 learned positions");
        File.Exists(Path.Combine(dir, "out.bin")).ShouldBeFalse();
    }

    [Fact]
    public void Fitted_workload_sizes_the_kv_caches_to_the_positions()
    {
        var (module, report) = OnnxFrontend.LoadWithReport(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), new OnnxWorkload(256, 768) { Defaulted = true });
        report.WorkloadNote.ShouldNotBeNull();
        module.KvCaches.ShouldAllBe(c => c.Type.Shape[0] == SymExpr.Const(128));
        // A model without learned positions (rotary) takes the default as it is.
        var (llama, r2) = OnnxFrontend.LoadWithReport(RepoPaths.Combine("samples", "onnx", "tiny-llama.onnx"), new OnnxWorkload(256, 768) { Defaulted = true });
        r2.WorkloadNote.ShouldBeNull();
        llama.Attrs.Int("prompt_tokens").ShouldBe(256);
    }

    [Fact]
    public void Run_simulates_the_workload_the_binary_was_fitted_to()
    {
        // `pimcc run` compiles with the fitted 32 + 96 and must simulate exactly that (asking the binary for the
        // unfitted 256 + 768 would be refused as more than compiled).
        var r = CliRunner.Run("run", RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--target", "hpim", "--format", "json");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("\"promptTokens\": 32");
        r.Out.ShouldContain("\"outputTokens\": 96");
    }
}
