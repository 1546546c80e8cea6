using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Tests.Onnx;

/// <summary>
/// Corrupted models (seeded random byte changes) either load or fail with a PimccError: a user's
/// broken file must never surface as another exception type.
/// </summary>
public sealed class OnnxCorruptionTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("tiny-opt-decode.onnx", 1)]
    [InlineData("tiny-llama-decode.onnx", 2)] // graph part only; its weights are external
    public void Corrupted_model_loads_or_fails_with_a_pimcc_error(string sample, int seed)
    {
        var original = File.ReadAllBytes(RepoPaths.Combine("samples", "onnx", sample));
        var data = RepoPaths.Combine("samples", "onnx", sample + ".data");
        if (File.Exists(data)) File.Copy(data, Path.Combine(temp.Path, sample + ".data"));
        var random = new Random(seed);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var trial = 0; trial < 60; trial++)
        {
            var bytes = (byte[])original.Clone();
            // Protobuf structure (tags, lengths) sits between the large tensor payloads; aim some
            // changes at the first bytes and the graph's node section at the end, where it is dense.
            for (var k = 0; k < 1 + trial % 4; k++)
            {
                var region = random.Next(3);
                var at = region switch
                {
                    0 => random.Next(Math.Min(64, bytes.Length)),
                    1 => bytes.Length - 1 - random.Next(Math.Min(20000, bytes.Length)),
                    _ => random.Next(bytes.Length),
                };
                bytes[at] = (byte)random.Next(256);
            }
            var path = temp.Write(sample, bytes);
            string outcome;
            try
            {
                var model = OnnxModelLoader.Load(path);
                OnnxConstantFolding.Fold(OnnxShapeInference.Infer(model.Graph, path));
                outcome = "loaded";
            }
            catch (PimccError e)
            {
                e.OneLine.ShouldNotContain("\n");
                outcome = e.Code.ToString();
            }
            catch (Exception e)
            {
                throw new ShouldAssertException($"trial {trial}: {e.GetType().Name} escaped: {e.Message}", e);
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        // The corruption must actually reach the checks, not only land in weight bytes.
        outcomes.Keys.Count(k => k != "loaded").ShouldBeGreaterThan(0, string.Join(", ", outcomes));
    }
}
