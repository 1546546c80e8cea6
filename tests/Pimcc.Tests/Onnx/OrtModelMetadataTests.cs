using Pimcc.OnnxRuntime;

namespace Pimcc.Tests.Onnx;

/// <summary>
/// <c>pimcc check</c> takes a model's vocabulary from its logits' declared width (<see cref="OrtModel.DeclaredOutputWidth"/>)
/// instead of running ONNX Runtime once for it: the declared width must be the width ONNX Runtime's logits have.
/// </summary>
public class OrtModelMetadataTests
{
    [Theory]
    [InlineData("tiny-gpt2.onnx")]
    [InlineData("tiny-mistral-fixed8.onnx")]
    [InlineData("tiny-opt.onnx")]
    public void TheDeclaredOutputWidthIsTheWidthOfTheLogits(string sample)
    {
        using var model = OrtModel.Open(RepoPaths.Combine("samples", "onnx", sample));
        var declared = model.DeclaredOutputWidth;
        declared.ShouldNotBeNull($"{sample}'s logits declare a static vocabulary axis");
        var length = model.FixedSequenceLength ?? 3;
        model.RunInputIds(new long[length]).Dims[^1].ShouldBe(declared.Value);
    }
}
