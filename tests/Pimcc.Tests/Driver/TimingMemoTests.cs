using Pimcc.Driver;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <see cref="TimingMemo"/>: a command whose binary and request equal an earlier one's gets that one's report, the
/// bytes a simulation of its own gives; another request or another binary simulates anew; a traced run is never shared.
/// </summary>
public class TimingMemoTests
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var bin = Path.Combine(CliRunner.TempDir(), "tiny-opt.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--prompt-tokens", "8", "--gen-tokens", "3", "-o", bin).ExitCode.ShouldBe(0);
        return bin;
    });

    [Fact]
    public void TheSameBinaryAndRequestShareTheReportOfTheirOwnSimulation()
    {
        var memo = new TimingMemo();
        var first = CliRunner.Run(memo, ["sim", Binary.Value, "--format", "json"]);
        first.ExitCode.ShouldBe(0, first.Err);
        memo.Shared.ShouldBe(0);
        // The same binary under another name (a copy) in another command: shared, and the report as an unshared run gives it.
        var copy = Path.Combine(CliRunner.TempDir(), "copy.bin");
        File.Copy(Binary.Value, copy);
        var second = CliRunner.Run(memo, ["sim", copy, "--format", "json"]);
        memo.Shared.ShouldBe(1);
        var own = CliRunner.Run("sim", copy, "--format", "json");
        (second.ExitCode, second.Out).ShouldBe((own.ExitCode, own.Out));
        second.Out.ShouldBe(first.Out);
    }

    [Fact]
    public void AnotherRequestOrATracedRunSimulatesAnew()
    {
        var memo = new TimingMemo();
        CliRunner.Run(memo, ["sim", Binary.Value, "--format", "json"]).ExitCode.ShouldBe(0);
        var fewer = CliRunner.Run(memo, ["sim", Binary.Value, "--gen-tokens", "1", "--format", "json"]);
        fewer.ExitCode.ShouldBe(0, fewer.Err);
        memo.Shared.ShouldBe(0);
        fewer.Out.ShouldBe(CliRunner.Run("sim", Binary.Value, "--gen-tokens", "1", "--format", "json").Out);
        var trace = Path.Combine(CliRunner.TempDir(), "t.json");
        CliRunner.Run(memo, ["sim", Binary.Value, "--format", "json", "--trace", trace]).ExitCode.ShouldBe(0);
        memo.Shared.ShouldBe(0);
        File.Exists(trace).ShouldBeTrue();
    }

    [Fact]
    public void AnotherBinarySimulatesAnew()
    {
        var memo = new TimingMemo();
        var other = Path.Combine(CliRunner.TempDir(), "other.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--prompt-tokens", "8", "--gen-tokens", "3", "--set", "hbm.stacks=2", "-o", other).ExitCode.ShouldBe(0);
        var a = CliRunner.Run(memo, ["sim", Binary.Value, "--format", "json"]);
        var b = CliRunner.Run(memo, ["sim", other, "--format", "json"]);
        memo.Shared.ShouldBe(0);
        b.Out.ShouldNotBe(a.Out);
    }
}
