using Pimcc.Ir;

namespace Pimcc.Tests.Ir;

public class SymExprTests
{
    [Theory]
    [InlineData(0, 1, 0, "kv")]
    [InlineData(1, 1, 0, "kv+1")]
    [InlineData(-1, 2, 0, "2*kv-1")]
    [InlineData(128, 128, 0, "128*kv+128")]
    [InlineData(-3, 0, 0, "-3")]
    [InlineData(0, -1, 1, "-kv+seq")]
    public void PrintsCanonically(long c, long kv, long seq, string expected) =>
        (SymExpr.Const(c) + SymExpr.Sym("kv", kv) + SymExpr.Sym("seq", seq)).ToString().ShouldBe(expected);

    [Fact]
    public void ArithmeticAndSubstitution()
    {
        var e = (SymExpr.Sym("kv") + 1) * 3 - SymExpr.Sym("kv");
        e.ToString().ShouldBe("2*kv+3");
        e.Evaluate(new Dictionary<string, long> { ["kv"] = 10 }).ShouldBe(23);
        (e - e).ShouldBe(SymExpr.Zero);
        Should.Throw<NonLinearException>(() => SymExpr.Sym("kv") * SymExpr.Sym("seq"));
        Should.Throw<NonLinearException>(() => e.Evaluate(new Dictionary<string, long>()));
    }

    [Fact]
    public void ElementCountOfSymbolicShapeIsLinear() =>
        TensorType.Of(ElementType.F16, SymExpr.Sym("kv") + 1, 12, 64).ElementCount.ToString().ShouldBe("768*kv+768");
}
