using System.Buffers.Binary;
using System.Globalization;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Xunit.Abstractions;

namespace Pimcc.Tests.Hyflexpim;

/// <summary>
/// Rotary models on values (issue 12): sfu.rope rotates by the cos/sin tables the memory image holds, whole heads or
/// the first rotary_dim channels of each (sfu.head), with θ-frequencies, linear scaling or an explicit inv_freq list.
/// Each run is checked against the reference in the ISA's formats within the derived bound
/// (<see cref="ValuesHarness.Bound"/>), with the same greedy tokens, and its distance from the quantised reference and
/// FP32 is printed.
/// </summary>
public class HyflexpimRotaryValuesTests(ITestOutputHelper output)
{
    private void Check(string name, Module m, PimBinary bin, int[] prompt, int decode)
    {
        var c = ValuesHarness.Compare(m, bin, prompt, decode);
        foreach (var s in c.Steps)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: |functional - ISA formats| {s.VsIsa:G3} (bound {ValuesHarness.Bound(s.Isa):G3}), |functional - quantised| {s.VsQuantised:F4}, |quantised - FP32| {s.QuantisedVsFp32:F4}, max |logit| {s.Functional.Max(Math.Abs):F3}"));
        c.Clipped.ShouldBe(0);
        c.Steps.Count.ShouldBe(1 + decode);
        c.Steps.ShouldAllBe(s => s.WithinBound);
        c.Steps.ShouldAllBe(s => s.Next == ValuesHarness.Greedy(s.Isa));
    }

    [Theory]
    [InlineData("tiny-llama.onnx")]        // theta 10000, whole heads of 16
    [InlineData("tiny-llama-linear.onnx")] // linear scaling, factor 4
    [InlineData("tiny-stablelm.onnx")]     // partial rotary: 4 of 16 channels, LayerNorm with bias, Q/K/V biases
    [InlineData("tiny-olmo.onnx")]         // non-parametric LayerNorm: identity gamma and beta from complete-norm-params
    public void RotaryModelsRunOnValuesToTheIsaFormatReference(string sample)
    {
        int[] prompt = [10, 20, 30, 40];
        var m = ValuesHarness.Load(sample, prompt.Length, 2);
        Check(sample, m, ValuesHarness.Binary(m), prompt, 2);
    }

    [Fact]
    public void AnExplicitInvFreqListRotatesByItsFrequencies()
    {
        // frequencies no theta and factor describe (an ONNX table raised channel by channel): the image must hold these
        double[] inv = [1.0, 0.31, 0.11, 0.042, 0.017, 0.0061, 0.0023, 0.0009];
        var plain = ValuesHarness.Load("tiny-llama-linear.onnx", 4, 2);
        var m = plain with
        {
            Functions = [.. plain.Functions.Select(f => f.WithBody(f.Body.Select(o => o.Opcode != "rotary" ? o : o with { Attrs = o.Attrs.Set("inv_freq", AttrValue.Of(inv)) })))],
        };
        var bin = ValuesHarness.Binary(m);
        TableMatches(bin, inv);
        // tiny-llama-linear's own table: theta 10000 over head_dim 16, every frequency divided by the factor 4
        TableMatches(ValuesHarness.Binary(plain), [.. Enumerable.Range(0, 8).Select(i => Math.Pow(10000, -2.0 * i / 16) / 4)]);
        Check("tiny-llama-linear, inv_freq list", m, bin, [10, 20, 30, 40], 2);
    }

    /// <summary>The binary's rope.table.0 against a hand computation: position p, pair i holds cos(p·inv[i]) and, one
    /// half later, sin(p·inv[i]), each in FP16 (within one FP16 step of a value below 1: 2^-11).</summary>
    private static void TableMatches(PimBinary bin, double[] inv)
    {
        var region = bin.MemoryMap.First(r => r.Name == "rope.table.0");
        var address = region.Placement.Fields[0];
        var chunk = bin.Image.Single(c => c.Space == HyflexpimSpaces.Buffer && c.Index == region.Placement.Index && c.Address <= address && c.End >= address + region.SizeBytes);
        var half = inv.Length;
        var positions = region.SizeBytes / (2 * 2 * half);
        positions.ShouldBe(4 + 2); // prompt + generated tokens
        for (var p = 0; p < positions; p++)
            for (var i = 0; i < 2 * half; i++)
            {
                var stored = (double)BinaryPrimitives.ReadHalfLittleEndian(chunk.Bytes.AsSpan((int)(address - chunk.Address) + 2 * (p * 2 * half + i)));
                var angle = p * inv[i % half];
                Math.Abs(stored - (i < half ? Math.Cos(angle) : Math.Sin(angle))).ShouldBeLessThanOrEqualTo(Math.Pow(2, -11), $"position {p}, entry {i}");
            }
    }
}
