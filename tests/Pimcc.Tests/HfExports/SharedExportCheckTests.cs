using Pimcc.Tests.Driver;

namespace Pimcc.Tests.HfExports;

/// <summary>
/// <c>pimcc check</c> on the real exports users make (../shared/models/hf-exports): optimum's full-sequence graph takes
/// <c>attention_mask</c> and (most families) <c>position_ids</c> besides <c>input_ids</c>; ONNX Runtime is fed them as
/// an unpadded sequence's (all ones, 0 .. n - 1). Each family's export checks on hpim against ONNX Runtime and on
/// pimllm against its quantised reference. A KV-cache export is still refused (its past keys and values are not fed).
/// </summary>
public class SharedExportCheckTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var f in SharedExports.Families)
            foreach (var t in new[] { "hpim", "pimllm" })
                data.Add(f, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OptimumsFullSequenceExportIsChecked(string family, string target)
    {
        var r = CliRunner.Run("check", SharedExports.Model(family, "optimum-nopast/model.onnx"), "--target", target, "--gen-tokens", "2");
        r.ExitCode.ShouldBe(0, r.Out + r.Err);
        r.Out.ShouldContain("verdict: pass (3 steps within");
    }

    [Fact]
    public void OptimumsKvCacheExportIsRefusedInOneLine() =>
        CliRunner.Run("check", SharedExports.Model("llama", "optimum-with-past/model.onnx"))
            .ShouldBeOneLineError(Pimcc.Diagnostics.ExitCode.UnsupportedModel, "past_key_values.0.key");
}
