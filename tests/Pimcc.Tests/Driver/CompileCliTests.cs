using Pimcc.Diagnostics;

namespace Pimcc.Tests.Driver;

public class CompileCliTests
{
    [Fact]
    public void Opt13bIrRoundTripsThroughTheDriverByteForByte()
    {
        var dir = CliRunner.TempDir();
        var x = Path.Combine(dir, "x.pimir");
        var y = Path.Combine(dir, "y.pimir");
        CliRunner.Run(CliRunner.Sample("opt-13b.json"), "--target", "hpim", "--emit", "ir", "-o", x).ExitCode.ShouldBe(0);
        CliRunner.Run(x, "--target", "hpim", "--emit", "ir", "-o", y).ExitCode.ShouldBe(0);
        File.ReadAllBytes(y).ShouldBe(File.ReadAllBytes(x));
        File.ReadAllText(x).ShouldContain("hpim.rounds = [32, 8]");
    }

    [Fact]
    public void EmitIrToStandardOutputWhenNoOutputIsGiven()
    {
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldStartWith("pimir 1\nmodule @opt-125m {");
    }

    [Fact]
    public void WorkloadFlagsReachTheIr()
    {
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--prompt-tokens", "32", "--gen-tokens", "16");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("%input_ids: i64[32]");
        r.Out.ShouldContain("kv_cache @layers.0 : f16[48,12,64]");
    }

    [Fact]
    public void PrintIrAfterAndPassStatisticsGoToStandardError()
    {
        var r = CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "-o", Path.Combine(CliRunner.TempDir(), "o.pimir"),
            "--print-ir-after=hpim-tile-weights", "--print-ir-before", "canonicalize", "--pass-statistics");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Err.ShouldContain("// -----// IR Dump After hpim-tile-weights //----- //");
        r.Err.ShouldContain("// -----// IR Dump Before canonicalize //----- //");
        r.Err.ShouldNotContain("IR Dump After canonicalize");
        r.Err.ShouldContain("head-wise-weights - weights tiled head-wise by Algorithm 1");
        r.Out.ShouldBeEmpty();
    }

    [Fact]
    public void CustomPipelineRunsOnlyTheNamedPasses()
    {
        var r = CliRunner.Run(CliRunner.Sample("gpt2.json"), "--emit", "ir", "--passes", "infer-shapes,canonicalize");
        r.ExitCode.ShouldBe(0, r.Err);
        r.Out.ShouldContain("attr properties = [\"canonical\", \"shapes-inferred\"]");
        r.Out.ShouldNotContain("cost.flops");
    }

    [Theory]
    [InlineData("no-such-file.json", ExitCode.InputNotFound, "no such file")]
    [InlineData("model.tflite", ExitCode.InputNotFound, "no such file")]
    public void MissingInputs(string name, ExitCode code, string message) =>
        CliRunner.Run(Path.Combine(CliRunner.TempDir(), name), "--emit", "ir").ShouldBeOneLineError(code, message);

    [Fact]
    public void UnknownModelFileTypeIsRejected()
    {
        var f = Path.Combine(CliRunner.TempDir(), "model.tflite");
        File.WriteAllText(f, "x");
        CliRunner.Run(f).ShouldBeOneLineError(ExitCode.UnsupportedModel, "unknown model file type '.tflite'");
    }

    [Fact]
    public void MalformedConfigGivesLocationAndLeavesNoOutput()
    {
        var dir = CliRunner.TempDir();
        var f = Path.Combine(dir, "bad.json");
        File.WriteAllText(f, "{\n  \"model_type\": \"opt\",\n  \"hidden_size\": 12,,\n}");
        var o = Path.Combine(dir, "out.pimir");
        CliRunner.Run(f, "--emit", "ir", "-o", o).ShouldBeOneLineError(ExitCode.MalformedInput, "bad.json:3:");
        File.Exists(o).ShouldBeFalse();
        Directory.GetFiles(dir).ShouldBe([f]);
    }

    [Theory]
    [InlineData("hpim")]
    [InlineData("a100")]
    [InlineData("pimllm")]
    public void AnEncoderIsRefusedByTargetsThatLowerDecodersAndWritesNothing(string target)
    {
        var dir = CliRunner.TempDir();
        var output = Path.Combine(dir, "bert.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "hf-configs", "bert-base-uncased.json"), "--target", target, "-o", output)
            .ShouldBeOneLineError(ExitCode.UnsupportedModel, $"bert is an encoder (bidirectional attention, no decode step); target '{target}' lowers decoders only");
        File.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public void GeneratingTokensWithAnEncoderIsAUsageError() =>
        CliRunner.Run(RepoPaths.Combine("samples", "hf-configs", "bert-base-uncased.json"), "--prompt-tokens", "128", "--emit", "ir")
            .ShouldBeOneLineError(ExitCode.Usage, "it has no decode step, so it cannot generate 768 tokens");

    [Fact]
    public void UnknownModelTypeNamesTheFieldAndTheSupportedFamilies()
    {
        var f = Path.Combine(CliRunner.TempDir(), "c.json");
        File.WriteAllText(f, "{\"model_type\": \"mamba\"}");
        CliRunner.Run(f, "--emit", "ir").ShouldBeOneLineError(ExitCode.UnsupportedModel, "model_type");
    }

    [Fact]
    public void ModelTooBigForTheTargetIsACapacityErrorWithNoOutput()
    {
        var o = Path.Combine(CliRunner.TempDir(), "o.pimir");
        CliRunner.Run(CliRunner.Sample("opt-66b.json"), "--emit", "ir", "-o", o)
            .ShouldBeOneLineError(ExitCode.CapacityExceeded, "--set hbm.stacks=");
        File.Exists(o).ShouldBeFalse();
    }

    [Fact]
    public void MoreStacksMakeOpt66bFit() =>
        CliRunner.Run(CliRunner.Sample("opt-66b.json"), "--emit", "ir", "-o", Path.Combine(CliRunner.TempDir(), "o.pimir"), "--set", "hbm.stacks=8")
            .ExitCode.ShouldBe(0);

    [Fact]
    public void TargetErrors()
    {
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--target", "tpu", "--emit", "ir").ShouldBeOneLineError(ExitCode.UnknownTarget, "unknown target 'tpu'");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--set", "hbm.stackz=2", "--emit", "ir").ShouldBeOneLineError(ExitCode.InvalidTargetDescription, "hbm.stackz");
    }

    [Fact]
    public void UsageErrors()
    {
        CliRunner.Run().ShouldBeOneLineError(ExitCode.Usage, "no model given");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--frobnicate").ShouldBeOneLineError(ExitCode.Usage, "--frobnicate");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--print-ir-after=nope").ShouldBeOneLineError(ExitCode.Usage, "pass 'nope' is not in the pipeline");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--passes", "annotate-ops").ShouldBeOneLineError(ExitCode.Usage, "requires workload-bound");
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "--prompt-tokens", "0").ShouldBeOneLineError(ExitCode.Usage, "workload");
    }

    [Fact]
    public void UnwritableOutputFolderIsReported() =>
        CliRunner.Run(CliRunner.Sample("opt-125m.json"), "--emit", "ir", "-o", Path.Combine(CliRunner.TempDir(), "missing", "o.pimir"))
            .ShouldBeOneLineError(ExitCode.OutputNotWritable, "output folder does not exist");

    [Fact]
    public void MalformedTextualIrPointsAtLineAndColumn()
    {
        var f = Path.Combine(CliRunner.TempDir(), "m.pimir");
        File.WriteAllText(f, "pimir 1\nmodule @m {\n  weight @w : f16[2,\n}\n");
        CliRunner.Run(f, "--emit", "ir").ShouldBeOneLineError(ExitCode.MalformedInput, "m.pimir:4:1: error: unexpected");
    }
}
