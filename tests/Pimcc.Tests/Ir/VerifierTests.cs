using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Tests.Ir;

public class VerifierTests
{
    [Fact]
    public void TinyDecoderVerifies() => Verifier.Verify(TinyDecoder.Build()).ShouldBeEmpty();

    [Fact]
    public void UseBeforeDefinitionIsReported()
    {
        var m = TinyDecoder.Build();
        var f = m.FindFunction(Module.Decode)!;
        var body = f.Body.ToList();
        (body[3], body[4]) = (body[4], body[3]); // swap two dependent ops
        var errors = Verifier.Verify(m.WithFunction(f.WithBody(body)));
        errors.ShouldContain(e => e.Message.Contains("before it is defined"));
    }

    [Fact]
    public void WrongDeclaredResultTypeIsReported()
    {
        var m = TinyDecoder.Build();
        var f = m.FindFunction(Module.Prefill)!;
        var i = f.Body.ToList().FindIndex(o => o.Opcode == "linear");
        var bad = f.Body[i] with { Results = [f.Body[i].Result with { Type = TensorType.Of(ElementType.F16, SymExpr.Sym("seq"), 7) }] };
        var errors = Verifier.Verify(m.WithFunction(f.WithBody(f.Body.SetItem(i, bad))));
        errors.ShouldContain(e => e.Message.Contains("inferred f16[seq,8]"));
    }

    [Fact]
    public void UndeclaredSymbolAndMissingCacheAndUnknownOpAreReported()
    {
        var m = TinyDecoder.Build();
        var f = m.FindFunction(Module.Decode)!;
        var attn = f.Body.ToList().FindIndex(o => o.Opcode == "attention");
        var body = f.Body.SetItem(attn, f.Body[attn].WithAttr("cache", AttrValue.Of("nope")))
            .Add(new Operation("frobnicate", [], [new Value("z", TensorType.Of(ElementType.F32, SymExpr.Sym("n")))], AttrMap.Empty));
        var errors = Verifier.Verify(m.WithFunction(f.WithBody(body)));
        errors.ShouldContain(e => e.Message.Contains("kv_cache @nope"));
        errors.ShouldContain(e => e.Message.Contains("unknown opcode 'frobnicate'"));
    }

    [Fact]
    public void WeightDataOfWrongSizeIsReported()
    {
        var m = TinyDecoder.Build();
        var w = m.Weights[0] with { Data = [1, 2, 3] };
        Verifier.Verify(m with { Weights = m.Weights.SetItem(0, w) }).ShouldContain(e => e.Message.Contains("3 bytes of data"));
    }

    [Fact]
    public void VerifyOrThrowGivesOneLineInvalidModel()
    {
        var m = TinyDecoder.Build();
        var bad = m with { Weights = m.Weights.Add(m.Weights[0]) };
        var e = Should.Throw<PimccError>(() => Verifier.VerifyOrThrow(bad, "x.pimir"));
        e.Code.ShouldBe(ExitCode.InvalidModel);
        e.OneLine.ShouldContain("defined more than once");
        e.OneLine.ShouldNotContain("\n");
    }
}
