using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Tests.Onnx;

public sealed class DimExprTests
{
    private static readonly DimExpr Seq = DimExpr.Symbol("seq");
    private static readonly DimExpr Past = DimExpr.Symbol("past_seq");

    [Fact]
    public void Linear_arithmetic_normalizes_and_prints()
    {
        (Past + DimExpr.Of(1)).ToString().ShouldBe("past_seq + 1");
        (Seq + Past - Seq).ShouldBe(Past);
        (DimExpr.Of(0) - Seq + DimExpr.Of(-2)).ToString().ShouldBe("-seq - 2");
        DimExpr.Multiply(Seq, DimExpr.Of(64))!.ToString().ShouldBe("64*seq");
        DimExpr.Multiply(Seq, Past).ShouldBeNull();
        (Seq + Past).ToString().ShouldBe("past_seq + seq"); // ordinal symbol order
    }

    /// <summary>optimum declares a KV-cache graph's attention mask [batch_size, past_sequence_length + 1]: one symbol
    /// plus one, not a symbol of its own.</summary>
    [Fact]
    public void Dim_params_that_are_sums_parse_as_linear_expressions()
    {
        OnnxShapeInference.ParseDimParam("past_sequence_length + 1").ShouldBe(DimExpr.Symbol("past_sequence_length") + DimExpr.Of(1));
        OnnxShapeInference.ParseDimParam("past + seq - 2").ShouldBe(DimExpr.Symbol("past") + Seq - DimExpr.Of(2));
        OnnxShapeInference.ParseDimParam("batch_size").ShouldBe(DimExpr.Symbol("batch_size"));
        OnnxShapeInference.ParseDimParam("2*seq").ShouldBe(DimExpr.Symbol("2*seq")); // not a sum of names and integers
        OnnxShapeInference.ParseDimParam("a+").ShouldBe(DimExpr.Symbol("a+"));
    }

    [Fact]
    public void Exact_division_only()
    {
        DimExpr.Multiply(Seq, DimExpr.Of(64))!.DivideExactly(16)!.ToString().ShouldBe("4*seq");
        Seq.DivideExactly(2).ShouldBeNull();
        DimExpr.Of(7).DivideExactly(2).ShouldBeNull();
    }

    [Fact]
    public void Dimension_symbols_are_non_negative()
    {
        (Past + DimExpr.Of(2)).KnownNonZero().ShouldBeTrue();   // past_seq + 1 == -1 is false
        (Past - DimExpr.Of(1)).KnownNonZero().ShouldBeFalse();  // past_seq could be 1
        DimExpr.Of(0).KnownNonZero().ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_binds_symbols()
    {
        (Past + DimExpr.Of(1)).Evaluate(new Dictionary<string, long> { ["past_seq"] = 5 }).ShouldBe(6);
        Seq.Evaluate(new Dictionary<string, long>()).ShouldBeNull();
        DimExpr.Unknown("x:0").IsResolved.ShouldBeFalse();
    }

    [Theory]
    // (start, end, step, n) -> (first, count), per the ONNX Slice spec's clamping rules.
    [InlineData(0, long.MaxValue, 1, 10, 0, 10)]
    [InlineData(-3, long.MaxValue, 1, 10, 7, 3)]
    [InlineData(1, -1, 1, 10, 1, 8)]
    [InlineData(-1, long.MinValue, -1, 10, 9, 10)]
    [InlineData(8, 2, -2, 10, 8, 3)]
    [InlineData(20, 30, 1, 10, 10, 0)]
    public void Slice_range_follows_onnx_clamping(long start, long end, long step, long n, long first, long count) =>
        NodeRules.SliceRange(start, end, step, n).ShouldBe((first, count));
}
