using Pimcc.Frontends.IrText;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Tests.IrText;

/// <summary>print -> parse -> print is the identity, and parse gives back the very module printed.</summary>
public class RoundTripTests
{
    private static Module RoundTrip(Module module)
    {
        var text = Printer.Print(module);
        var parsed = IrTextParser.Parse(text, "roundtrip.pimir");
        Printer.Print(parsed).ShouldBe(text);
        parsed.ShouldBe(module);
        return parsed;
    }

    [Fact]
    public void DecoderSampleUsesEveryRegisteredOpcode()
    {
        var used = IrTextSamples.Opcodes(IrTextSamples.Decoder());
        foreach (var def in OpRegistry.All)
            used.ShouldContain(def.Name, $"add {def.Name} to IrTextSamples.Decoder so the round trip covers it");
        used.ShouldContain("onnx.Split");
    }

    [Fact]
    public void DecoderWithEveryOpcodeRoundTripsAndStillVerifies()
    {
        var module = IrTextSamples.Decoder();
        Verifier.Verify(module).ShouldBeEmpty();
        var parsed = RoundTrip(module);
        Verifier.Verify(parsed).ShouldBeEmpty();
    }

    [Fact]
    public void GenericSplitKeepsBothResultsAndTheirTypes()
    {
        var parsed = RoundTrip(IrTextSamples.Decoder());
        var split = parsed.FindFunction("decode")!.Body.Single(o => o.Opcode == "onnx.Split");
        split.Results.Select(r => r.Name).ShouldBe(["lo", "hi"]);
        split.Results.Select(r => r.Type.ToString()).ShouldBe(["f32[4,2]", "f32[4,2]"]);
        split.Attrs.Ints("split").ShouldBe([2L, 2L]);
    }

    [Fact]
    public void EveryAttributeKindAndQuotedNameRoundTrips() => RoundTrip(IrTextSamples.Exotic());

    [Fact]
    public void FloatsKeepTheirExactValue()
    {
        var attrs = RoundTrip(IrTextSamples.Exotic()).Attrs;
        double.IsNegative(attrs.Float("neg_zero")).ShouldBeTrue();
        double.IsNaN(attrs.Float("nan")).ShouldBeTrue();
        attrs.Float("tiny").ShouldBe(double.Epsilon);
        attrs.Float("largest").ShouldBe(double.MaxValue);
        attrs.Float("eps").ShouldBe(1e-05);
        attrs.Int("min").ShouldBe(long.MinValue);
    }

    [Fact]
    public void SymbolicExpressionsReadBackAsExpressions()
    {
        var attrs = RoundTrip(IrTextSamples.Exotic()).Attrs;
        var kv = SymExpr.Sym("kv");
        attrs.Expr("cache_bytes").ShouldBe(kv * 128 + 128);
        attrs.Expr("odd").ShouldBe(kv * 2 - 1);
        attrs.Expr("count_down").ShouldBe(3 - kv);
        attrs.Expr("keyword_symbol").ShouldBe(SymExpr.Sym("inf") + SymExpr.Sym("module"));
        attrs["inf"].ShouldBe(new FloatAttr(double.PositiveInfinity));
    }

    [Fact]
    public void WeightDataSurvivesBase64()
    {
        var parsed = RoundTrip(IrTextSamples.Exotic());
        parsed.FindWeight("w 1")!.Data.ToArray().ShouldBe(new byte[] { 0, 0, 128, 63, 0, 0, 0, 64, 0, 0, 64, 64, 0, 0, 128, 64 });
        parsed.FindWeight("w$2-x")!.Data.ToArray().ShouldBe(new byte[] { 0x21, 0x03 });
        parsed.FindWeight("bits")!.HasData.ShouldBeFalse();
    }

    [Fact]
    public void PrinterQuotesWhatWouldNotReadBack()
    {
        var text = Printer.Print(IrTextSamples.Exotic());
        text.ShouldContain("module @\"my model\" {");
        text.ShouldContain("\"a-b\" = 1");
        text.ShouldContain("-2*$\"batch size\"");
        text.ShouldContain("$\"inf\"+module");
        text.ShouldContain("= \"onnx.My-Op\"(");
        text.ShouldContain("%\"a b\", %\"c\\\"d\" = onnx.Split(%\"in put\")");
        text.ShouldContain("weight @w$2-x : i4[3] = dense \"IQM=\"");
    }

    [Fact]
    public void ModuleOfTwoThousandOpsParses()
    {
        var module = IrTextSamples.Large(2000);
        var parsed = RoundTrip(module);
        parsed.Functions[0].Body.Length.ShouldBe(2000);
        Verifier.Verify(parsed).ShouldBeEmpty();
    }
}
