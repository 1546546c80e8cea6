using Pimcc.Tests.Driver;

namespace Pimcc.Tests.Reports;

public class ReportSamplingLabelTests
{
    [Fact]
    public void TheReportNamesTheDecodeSamplingThatWasRun()
    {
        var bin = Path.Combine(CliRunner.TempDir(), "o.bin");
        CliRunner.Run(RepoPaths.Combine("samples", "onnx", "tiny-opt.onnx"), "--target", "hpim", "--prompt-tokens", "16", "--gen-tokens", "20", "-o", bin).ExitCode.ShouldBe(0);
        string Label(params string[] extra)
        {
            var r = CliRunner.Run(["sim", bin, "--format", "json", .. extra]);
            r.ExitCode.ShouldBe(0, r.Err);
            return Pimcc.Reports.ReportDocument.Parse(r.Out).Workload.Single(p => p.Key == "decodeSampling").Value;
        }
        Label().ShouldBe("adaptive"); // 20 steps: more than the 16 a sampled run may simulate
        Label("--sampling", "even").ShouldBe("even");
        Label("--exact").ShouldBe("exact");
        Label("--gen-tokens", "8").ShouldBe("exact"); // 8 steps: every one simulated whatever the sampling
    }
}
