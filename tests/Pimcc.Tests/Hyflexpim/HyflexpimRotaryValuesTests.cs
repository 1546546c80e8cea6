using System.Globalization;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hyflexpim;

public class HyflexpimRotaryValuesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("tiny-llama.onnx")]
    [InlineData("tiny-llama-linear.onnx")]
    [InlineData("tiny-stablelm.onnx")]
    [InlineData("tiny-neox.onnx")]
    [InlineData("tiny-gpt2-svd.onnx")]
    public void Measure(string sample)
    {
        int[] prompt = [10, 20, 30, 40];
        var m = ValuesHarness.Load(sample, prompt.Length, 4);
        var bin = ValuesHarness.Binary(m);
        var c = ValuesHarness.Compare(m, bin, prompt, 4);
        foreach (var s in c.Steps)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample}: isa {s.VsIsa:G4} quantised {s.VsQuantised:G4} q-fp32 {s.QuantisedVsFp32:G4} max|logit| {s.Functional.Max(Math.Abs):G4} greedy {s.SameGreedy}"));
        output.WriteLine($"clipped {c.Clipped}");
    }
}
