using System.Text.RegularExpressions;
using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

/// <summary>Issue 16: cases that were internal errors (exit 1) or misleading diagnostics, each a one-line user error now.</summary>
public class DiagnosticsCliTests
{
    private static readonly string Model = CliRunner.Sample("opt-125m.json");

    [Theory]
    [InlineData("sram.localMemory.activation=4GiB", "more than 32-bit addresses reach")]
    [InlineData("hbm.stacks=1e400", "1e400 is out of range")]
    [InlineData("system.clock=1e30GHz", "1e30 is out of range")]
    [InlineData("hbm.stacks=1000000", "largest accepted, 64")]
    [InlineData("hbm.diesPerStack=32", "largest accepted, 16")]
    [InlineData("hbm.dieDensity=1024Gbit", "more than 32-bit addresses reach")]
    public void AbsurdTargetValuesAreDescriptionErrors(string set, string message)
    {
        CliRunner.Run(Model, "--emit", "ir", "--set", set).ShouldBeOneLineError(ExitCode.InvalidTargetDescription, message);
        CliRunner.Run("targets", "show", "hpim", "--set", set).ShouldBeOneLineError(ExitCode.InvalidTargetDescription, message);
    }

    [Fact]
    public void AnOutOfRangeNumberInADescriptionFileSaysSo()
    {
        var f = Path.Combine(CliRunner.TempDir(), "t.json");
        File.WriteAllText(f, File.ReadAllText(RepoPaths.Combine("samples", "targets", "hpim.json")).Replace("\"value\": 32,", "\"value\": 1e400,"));
        CliRunner.Run("targets", "show", f).ShouldBeOneLineError(ExitCode.InvalidTargetDescription, "number 1e400 is out of range");
    }

    [Theory]
    [InlineData("--prompt-tokens", "1000000000")]
    [InlineData("--gen-tokens", "1048576")]
    [InlineData("--gen-tokens", "-5")]
    [InlineData("--prompt-tokens", "-1")]
    public void AbsurdWorkloadsFailAtTheCommandLine(string option, string value)
    {
        CliRunner.Run(Model, "--emit", "ir", option, value).ShouldBeOneLineError(ExitCode.Usage, "workload");
        CliRunner.Run("run", Model, option, value).ShouldBeOneLineError(ExitCode.Usage, "workload");
        CliRunner.Run("sim", "no-such.bin", option, value).ShouldBeOneLineError(ExitCode.Usage, "workload");
        var onnx = RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx");
        CliRunner.Run(onnx, "--emit", "ir", option, value).ShouldBeOneLineError(ExitCode.Usage, "workload");
    }

    [Fact]
    public void TheCapacityHintSuggestsAStackCountThatCompiles()
    {
        var opt66b = CliRunner.Sample("opt-66b.json");
        var r = CliRunner.Run(opt66b, "--emit", "ir");
        r.ShouldBeOneLineError(ExitCode.CapacityExceeded, "--set hbm.stacks=");
        var stacks = int.Parse(Regex.Match(r.Err, @"--set hbm\.stacks=(\d+)").Groups[1].Value);
        int.IsPow2(stacks).ShouldBeTrue(r.Err);
        CliRunner.Run(opt66b, "--emit", "ir", "-o", Path.Combine(CliRunner.TempDir(), "o.pimir"), "--set", $"hbm.stacks={stacks}").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void TheCapacityErrorNamesThePrefillScratchWhenItDominates()
    {
        // Llama-3.2-1B weights are 2.3 GiB; 100000 prompt tokens of prefill activations are what does not fit.
        var r = CliRunner.Run(CliRunner.Sample("llama-3.2-1b.json"), "--emit", "ir", "--prompt-tokens", "100000", "--gen-tokens", "1");
        r.ShouldBeOneLineError(ExitCode.CapacityExceeded, "prefill scratch");
        Regex.IsMatch(r.Err, @"prefill scratch [1-9]\d*\.\d GiB").ShouldBeTrue(r.Err);
    }

    [Fact]
    public void HintsNameNoPimccCompileCommand()
    {
        var f = Path.Combine(CliRunner.TempDir(), "x.bin");
        File.WriteAllText(f, "not a binary at all");
        var r = CliRunner.Run("disasm", f);
        r.ShouldBeOneLineError(ExitCode.BadMagic, "pimcc asm");
        r.Err.ShouldNotContain("pimcc compile");
        CliRunner.Run("compile", Model).ExitCode.ShouldNotBe(0); // there is no such command: 'compile' is read as the model path
        foreach (var doc in Directory.GetFiles(RepoPaths.Combine("docs"), "*.md").Append(RepoPaths.Combine("README.md")))
            File.ReadAllText(doc).ShouldNotContain("`pimcc compile", customMessage: doc);
    }

    [Fact]
    public void AHugeMessageIsCutToOneShortLine()
    {
        var e = new PimccError(ExitCode.MalformedInput, "f.pasm:1:1", "token recognition error at: '" + new string('x', 100_000) + "'", "fix it");
        e.OneLine.Length.ShouldBeLessThan(DiagnosticText.MaxMessageChars + 200);
        e.OneLine.ShouldContain("more characters)");
        e.OneLine.ShouldEndWith("(hint: fix it)");
    }
}
