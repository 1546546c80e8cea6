using Pimcc.Compiler.Quantization;
using Pimcc.Ir;

namespace Pimcc.Tests.Pimllm;

/// <summary>BitNet quantisers on matrices worked by hand.</summary>
public class OneBitQuantizationTests
{
    [Fact]
    public void BinaryIsTheSignAroundTheMeanWithTheAbsmeanScale()
    {
        // mean 0.2: 0.3 > 0, -1.7, 1.8 > 0, -0.4 -> +1 -1 +1 -1; absmean (0.5 + 1.5 + 2 + 0.2) / 4 = 1.05.
        var q = OneBitQuantization.Binary([0.5f, -1.5f, 2.0f, -0.2f]);
        q.Codes.ShouldBe(new sbyte[] { 1, -1, 1, -1 });
        q.Scale.ShouldBe(1.05, 1e-6);
        // A weight equal to the mean is Sign(0) = -1.
        OneBitQuantization.Binary([1f, 1f]).Codes.ShouldBe(new sbyte[] { -1, -1 });
    }

    [Fact]
    public void TernaryRoundsWOverTheAbsmeanHalfToEvenAndClips()
    {
        // absmean 1.05: 0.476 -> 0, -1.43 -> -1, 1.90 -> 2 -> 1, -0.19 -> 0.
        var q = OneBitQuantization.Ternary([0.5f, -1.5f, 2.0f, -0.2f]);
        q.Codes.ShouldBe(new sbyte[] { 0, -1, 1, 0 });
        q.Scale.ShouldBe(1.05, 1e-6);
        q.ZeroFraction.ShouldBe(0.5);
        // absmean 1: 0.5 -> 0 (half to even), 1.5 -> 2 -> 1, -2.5 -> -2 -> -1, 0.5 -> 0.
        OneBitQuantization.Ternary([0.5f, 1.5f, -2.5f, -0.5f]).Codes.ShouldBe(new sbyte[] { 0, 1, -1, 0 });
        // An all-zero matrix keeps the 1e-5 floor of the scale.
        OneBitQuantization.Ternary([0f, 0f]).Scale.ShouldBe(1e-5);
    }

    [Fact]
    public void CodesPackLeastSignificantBitsFirst()
    {
        // i1: +1 -> 1, -1 -> 0: 1,0,1,0,1,1,1,1 = 0b11110101; the ninth code starts the next byte.
        OneBitQuantization.Pack(ElementType.I1, [1, -1, 1, -1, 1, 1, 1, 1, -1]).ShouldBe(new byte[] { 0xF5, 0x00 });
        // tern: 1 -> 01, 0 -> 00, -1 -> 11, 1 -> 01: 0b01_11_00_01.
        OneBitQuantization.Pack(ElementType.Ternary, [1, 0, -1, 1]).ShouldBe(new byte[] { 0x71 });
        Should.Throw<ArgumentException>(() => OneBitQuantization.Pack(ElementType.I1, [0]));
    }

    [Fact]
    public void ActivationsAreAbsmaxPerTokenIn8Bits()
    {
        // gamma 1, Q = 128: 0.5 -> 64, -1 -> -128, 0.25 -> 32; scale 1/128.
        var (codes, scale) = ActivationQuantization.AbsmaxPerToken([0.5f, -1f, 0.25f], 8);
        codes.ShouldBe([64, -128, 32]);
        scale.ShouldBe(1.0 / 128);
        // +gamma clips to Q - 1 = 127.
        ActivationQuantization.AbsmaxPerToken([2f, -1f], 8).Codes.ShouldBe([127, -64]);
        ActivationQuantization.AbsmaxPerToken([0f, 0f], 8).Codes.ShouldBe([0, 0]);
    }
}
