using System.Globalization;
using System.Text.Json;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;
using Pimcc.Sim;
using Pimcc.Hpim.Sim;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <c>pimcc sim</c> takes its workload from the binary (issue 11, "The binary binds its workload"). Regressions: a
/// binary compiled for 32 + 64 tokens was reported as 256 + 768; <c>--prompt-tokens 16</c> and <c>100</c> gave the
/// same prefill latency; <c>--gen-tokens 1e9</c> hung and <c>--gen-tokens -5</c> was an internal error.
/// </summary>
public class SimWorkloadCliTests
{
    private static readonly Lazy<string> Compiled32x64 = new(() => Compile(32, 64));
    private static readonly Lazy<string> Compiled128 = new(() => Compile(128, 2));

    private static string Compile(int prompt, int generated)
    {
        var bin = Path.Combine(CliRunner.TempDir(), $"opt-{prompt}x{generated}.bin");
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "-o", bin,
            "--prompt-tokens", prompt.ToString(CultureInfo.InvariantCulture), "--gen-tokens", generated.ToString(CultureInfo.InvariantCulture));
        r.ExitCode.ShouldBe(0, r.Err);
        return bin;
    }

    private static JsonElement Report(params string[] args)
    {
        var r = CliRunner.Run(["sim", .. args, "--format", "json"]);
        r.ExitCode.ShouldBe(0, r.Err);
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }

    private static double Statistic(JsonElement report, string name) =>
        report.GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name).GetProperty("value").GetDouble();

    [Fact]
    public void WithoutCountsTheReportIsForTheCompiledWorkload()
    {
        var w = Report(Compiled32x64.Value).GetProperty("workload");
        w.GetProperty("promptTokens").GetInt32().ShouldBe(32);
        w.GetProperty("outputTokens").GetInt32().ShouldBe(64);
        PimBinaryReader.ReadFile(Compiled32x64.Value).Workload.ShouldBe(new CompiledWorkload(32, 64, 96, "opt-125m", ["prefill", "decode"]));
    }

    [Fact]
    public void FewerTokensAreSimulatedAndMoreAreRefusedNamingTheCompiledWorkload()
    {
        var w = Report(Compiled32x64.Value, "--prompt-tokens", "8", "--gen-tokens", "3").GetProperty("workload");
        w.GetProperty("promptTokens").GetInt32().ShouldBe(8);
        w.GetProperty("outputTokens").GetInt32().ShouldBe(3);
        CliRunner.Run("sim", Compiled32x64.Value, "--gen-tokens", "65").ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "32 prompt + 64 generated tokens");
        CliRunner.Run("sim", Compiled32x64.Value, "--prompt-tokens", "33").ShouldBeOneLineError(ExitCode.WorkloadExceedsCompiled, "at most 32");
    }

    [Fact]
    public void TheSimulatorItselfRefusesMoreThanCompiled()
    {
        var bin = PimBinaryReader.ReadFile(Compiled32x64.Value);
        var request = new GenerationRequest(32, 65, ProgramEntries.FromBinary(bin, "prefill"), ProgramEntries.FromBinary(bin, "decode"));
        Should.Throw<PimccError>(() => GenerationRun.Run(new HpimSimulator(bin, "o.bin"), request)).Code.ShouldBe(ExitCode.WorkloadExceedsCompiled);
    }

    [Theory]
    [InlineData("--gen-tokens", "1e9", "not a whole number")]
    [InlineData("--gen-tokens", "1000000000", "1000000000 generated tokens")]
    [InlineData("--gen-tokens", "-5", "-5 generated tokens")]
    [InlineData("--prompt-tokens", "0", "0 prompt tokens")]
    [InlineData("--prompt-tokens", "ten", "not a whole number")]
    public void NegativeZeroNonNumericOrAbsurdCountsAreUsageErrors(string option, string value, string message) =>
        CliRunner.Run("sim", Compiled32x64.Value, option, value).ShouldBeOneLineError(ExitCode.Usage, message);

    [Fact]
    public void AShorterPromptRunsFewerTokenBlocksOfPrefill()
    {
        // opt-125m on hpim: token blocks of 64 (the TCU's columns), so a 128-token binary runs 1 block for prompts of
        // up to 64 tokens and 2 beyond; the latency grows with the blocks the prompt reaches.
        var latency = new[] { 16, 64, 100, 128 }.ToDictionary(n => n,
            n => Statistic(Report(Compiled128.Value, "--prompt-tokens", n.ToString(CultureInfo.InvariantCulture), "--gen-tokens", "1"), "latency.prefill"));
        latency[16].ShouldBeLessThan(latency[100]);
        latency[16].ShouldBe(latency[64], "one token block either way");
        latency[100].ShouldBe(latency[128], "two token blocks either way");
    }

    [Fact]
    public void ABinaryWithoutAWorkloadSimulatesOnlyWhenTheWorkloadIsGiven()
    {
        var bin = PimBinaryReader.ReadFile(Compiled32x64.Value) with { Workload = null };
        var bytes = PimBinaryWriter.Write(bin, compress: false);
        BitConverter.ToUInt16(bytes, 10).ShouldBe((ushort)3, "without a workload or compression the writer stamps format 1.3, as older pimcc did");
        var old = Path.Combine(CliRunner.TempDir(), "old.bin");
        File.WriteAllBytes(old, bytes);
        CliRunner.Run("sim", old).ShouldBeOneLineError(ExitCode.UnsupportedBinaryVersion, "recompile with this pimcc");
        CliRunner.Run("sim", old, "--gen-tokens", "4").ShouldBeOneLineError(ExitCode.UnsupportedBinaryVersion, "--prompt-tokens and --gen-tokens");
        var w = Report(old, "--prompt-tokens", "16", "--gen-tokens", "4").GetProperty("workload");
        w.GetProperty("promptTokens").GetInt32().ShouldBe(16);
        w.GetProperty("outputTokens").GetInt32().ShouldBe(4);
    }
}
