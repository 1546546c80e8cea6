using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;

namespace Pimcc.Tests.OnnxImport;

/// <summary>
/// The raiser checks masks at a few short lengths; the checks are repeated at the compiled length. Here tiny-llama's
/// causal mask is cut from a fixed 64 x 64 buffer (as GPT-2 cuts its <c>bias</c>) instead of built at [seq, seq]: it is
/// causal up to 64 positions and not beyond, so a workload of 80 positions must be refused, not compiled as causal.
/// </summary>
public class CompiledLengthTests
{
    private const int Buffer = 64;

    private static string MaskFromBuffer(string dir)
    {
        var model = OnnxModelLoader.Load(OnnxRaisingTests.SamplePath("tiny-llama"));
        var g = model.Graph;
        var nodes = g.Nodes.Select(n => n.OpType == "ConstantOfShape" && n.Name.EndsWith("/ConstantOfShape_2", StringComparison.Ordinal)
            ? new OnnxNode(n.Name, "Slice", "", ["mask_buffer", "mask_starts", n.Inputs[0], "mask_axes"], n.Outputs, [])
            : n).ToList();
        nodes.Count(n => n.OpType == "Slice" && n.Inputs[0] == "mask_buffer").ShouldBe(3); // one per layer
        OnnxTensor[] extra =
        [
            new("mask_buffer", OnnxDataType.Bool, [Buffer, Buffer], Enumerable.Repeat(true, Buffer * Buffer).ToArray()),
            new("mask_starts", OnnxDataType.Int64, [2], new long[] { 0, 0 }),
            new("mask_axes", OnnxDataType.Int64, [2], new long[] { 0, 1 }),
        ];
        var edited = new OnnxGraph(g.Name, nodes, [.. g.Initializers, .. extra], g.Inputs, g.Outputs, g.ValueInfos);
        var path = Path.Combine(dir, "buffer-mask.onnx");
        File.WriteAllBytes(path, OnnxProtoWriter.ToBytes(edited, model.IrVersion, model.Opset));
        return path;
    }

    [Fact]
    public void A_mask_causal_only_up_to_a_buffer_length_is_refused_beyond_it()
    {
        var dir = TestScratch.NewDir("pimcc-length-");
        try
        {
            var path = MaskFromBuffer(dir);
            var (module, report) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(16, 16));
            report.Raised.ShouldBeTrue();
            module.FindFunction("prefill")!.Body.Where(o => o.Opcode == "attention").ShouldAllBe(a => a.Attrs.Bool("causal"));
            var e = Should.Throw<PimccError>(() => OnnxFrontend.Load(path, new OnnxWorkload(60, 20)));
            e.Code.ShouldBe(ExitCode.UnsupportedModel);
            e.Message.ShouldContain("not at the workload's 80 positions");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
