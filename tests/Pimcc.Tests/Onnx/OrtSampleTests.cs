using System.Text.Json;

namespace Pimcc.Tests.Onnx;

/// <summary>
/// ONNX Runtime runs every bundled sample and agrees with the torch outputs generate.py stored
/// in samples/onnx/expected/ (so the reference itself is checked against the model code).
/// </summary>
public sealed class OrtSampleTests
{
    /// <summary>float32 reductions in a different order; observed max is 1.4e-6 (README).</summary>
    private const double AbsTolerance = 1e-5;

    public static TheoryData<string> Graphs() =>
        new(OnnxSampleLoadingTests.SampleNames().Select(n => Path.GetFileNameWithoutExtension(n)));

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Ort_matches_torch_on_sample(string graph)
    {
        var expectedPath = RepoPaths.Combine("samples", "onnx", "expected", graph + ".json");
        using var expectedDoc = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var expected = JsonTensor.ReadAll(expectedDoc.RootElement.GetProperty("outputs"));

        var actual = OrtRunner.Run(RepoPaths.Combine("samples", "onnx", graph + ".onnx"), expectedPath);

        actual.Select(o => o.Name).ShouldBe(expected.Select(e => e.Name));
        foreach (var ((name, want), (_, got)) in expected.Zip(actual))
        {
            got.DType.ShouldBe("float32", name);
            got.Dims.ShouldBe(want.Dims, name);
            var maxAbs = want.Data.Zip(got.Data).Max(p => Math.Abs(p.First - p.Second));
            maxAbs.ShouldBeLessThan(AbsTolerance, $"{graph} output {name}");
            // Guard against comparing two all-zero tensors.
            want.Data.Max(Math.Abs).ShouldBeGreaterThan(0.01, name);
        }
    }
}
