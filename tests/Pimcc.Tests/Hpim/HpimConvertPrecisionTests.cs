using System.Buffers.Binary;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Tests.Ir;

namespace Pimcc.Tests.Hpim;

public class HpimConvertPrecisionTests
{
    private static Module Run(Module m) =>
        new PassManager(new PassInstrumentation { ReproducerDirectory = null }, HpimPassTests.Hpim)
            .Run(m, Pipeline.Parse("hpim-convert-precision", PassRegistry.Default), "test").Module;

    [Fact]
    public void F32WeightsAndValuesBecomeF16WithRoundedData()
    {
        var m = TinyDecoder.Build(dt: ElementType.F32);
        var values = new[] { 1.5f, 0.1f, -65504f, 3.0e-8f };
        var data = new byte[TinyDecoder.Hidden * 4];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), values[i]);
        var idx = m.Weights.ToList().FindIndex(w => w.Name == "final.g");
        m = m with { Weights = m.Weights.SetItem(idx, m.Weights[idx] with { Data = [.. data] }) };

        var r = Run(m);
        var w = r.FindWeight("final.g")!;
        w.Type.ShouldBe(TensorType.Of(ElementType.F16, TinyDecoder.Hidden));
        for (var i = 0; i < values.Length; i++)
            BinaryPrimitives.ReadHalfLittleEndian(w.Data.AsSpan().Slice(i * 2)).ShouldBe((Half)values[i]);
        r.Weights.ShouldAllBe(x => x.Type.Element == ElementType.F16);
        r.KvCaches.ShouldAllBe(c => c.Type.Element == ElementType.F16);
        r.FindFunction(Module.Decode)!.Body.Single(o => o.Id == "l0.attn").Result.Type.Element.ShouldBe(ElementType.F16);
        r.FindFunction(Module.Prefill)!.Params[0].Type.Element.ShouldBe(ElementType.I64);
        r.Attrs.ToString().ShouldContain("hpim.converted_from = [\"f32\"]");
        Verifier.Verify(r).ShouldBeEmpty();
    }

    [Fact]
    public void F16ModulesAreLeftAlone()
    {
        var m = TinyDecoder.Build();
        Run(m).Weights.ShouldBe(m.Weights);
    }
}
