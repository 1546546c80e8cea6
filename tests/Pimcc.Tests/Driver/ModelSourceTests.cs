using Pimcc.Driver;
using Pimcc.Frontends.HfConfig;
using Pimcc.Ir;

namespace Pimcc.Tests.Driver;

/// <summary>
/// <see cref="ModelLoader.Open"/> reads and raises an ONNX model once and loads it at any workload (<c>pimcc eval</c>:
/// its learned positions, then the window's workload): each load is the module a fresh load at that workload gives.
/// </summary>
public class ModelSourceTests
{
    [Fact]
    public void AnOpenedOnnxModelLoadsAtASecondWorkloadWithoutReadingTheFileAgain()
    {
        var dir = Directory.CreateTempSubdirectory("pimcc-source").FullName;
        try
        {
            var copy = Path.Combine(dir, "tiny-gpt2.onnx");
            File.Copy(RepoPaths.Combine("samples", "onnx", "tiny-gpt2.onnx"), copy);
            var fresh = Printer.Print(ModelLoader.Load(copy, new HfWorkload(1, 7)));
            var source = ModelLoader.Open(copy);
            var first = source.Load(new HfWorkload(1, 1));
            first.Attrs.Int("generated_tokens").ShouldBe(1);
            Printer.Print(source.Load(new HfWorkload(1, 1))).ShouldBe(Printer.Print(first), "a load edits nothing: the same workload twice gives the same module");
            File.Delete(copy);
            // Read once: the file is gone, and the second workload's module is still the fresh load's.
            Printer.Print(source.Load(new HfWorkload(1, 7))).ShouldBe(fresh);
            Should.Throw<Exception>(() => ModelLoader.Load(copy, new HfWorkload(1, 7)));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ABadWorkloadIsRefusedBeforeTheModelIsRead()
    {
        var dir = Directory.CreateTempSubdirectory("pimcc-source").FullName;
        try
        {
            // Not an ONNX model at all: a workload error must still be the one reported, as before the model is raised.
            var bad = Path.Combine(dir, "broken.onnx");
            File.WriteAllText(bad, "not a protobuf");
            var e = Should.Throw<Pimcc.Diagnostics.PimccError>(() => ModelLoader.Open(bad).Load(new HfWorkload(0, 4)));
            e.Code.ShouldBe(Pimcc.Diagnostics.ExitCode.Usage, e.OneLine);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
