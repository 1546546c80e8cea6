using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Ir.Ops;
using Pimcc.Reference;
using Pimcc.Reference.Kernels;
using static Pimcc.Tests.Reference.ReferenceTestKit;

namespace Pimcc.Tests.Reference;

/// <summary>Transformer-level ops on small cases whose expectations are computed by hand (or by an
/// independent formula written out in the test).</summary>
public class IrKernelTests
{
    [Fact]
    public void Every_registered_opcode_has_a_kernel()
    {
        IrKernels.Opcodes.Order(StringComparer.Ordinal).ShouldBe(OpRegistry.All.Select(d => d.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Linear_uses_out_in_weight_layout_and_adds_bias()
    {
        // x = [[1,2,3],[0,-1,2]], w = [[1,0,1],[2,1,0]] (out=2, in=3), b = [10, 20].
        var y = RunOp("linear", AttrMap.Empty.Set("role", "fc1"),
            [Tensor.F32([2, 3], 1, 2, 3, 0, -1, 2), Tensor.F32([2, 3], 1, 0, 1, 2, 1, 0), Tensor.F32([2], 10, 20)]);
        y.Shape.ShouldBe([2L, 2]);
        // Row 0: 1+3+10 = 14, 2+2+20 = 24. Row 1: 0+2+10 = 12, 0-1+20 = 19.
        F(y).ShouldBe([14f, 24, 12, 19]);
    }

    [Fact]
    public void Layer_norm_normalises_the_last_axis()
    {
        // mean 2.5, biased variance 1.25.
        var y = RunOp("layer_norm", AttrMap.Empty.Set("eps", 1e-5),
            [Tensor.F32([1, 4], 1, 2, 3, 4), Tensor.F32([4], 1, 1, 2, 2), Tensor.F32([4], 0, 0, 0, 1)]);
        var s = 1 / Math.Sqrt(1.25 + 1e-5);
        ShouldBeClose(F(y), [-1.5 * s, -0.5 * s, 2 * 0.5 * s, 2 * 1.5 * s + 1]);
    }

    [Fact]
    public void Rms_norm_divides_by_root_mean_square()
    {
        // mean of squares (9 + 16)/2 = 12.5.
        var y = RunOp("rms_norm", AttrMap.Empty.Set("eps", 1e-6), [Tensor.F32([1, 2], 3, 4), Tensor.F32([2], 1, 2)]);
        var r = Math.Sqrt(12.5 + 1e-6);
        ShouldBeClose(F(y), [3 / r, 8 / r]);
    }

    [Fact]
    public void Gelu_exact_and_tanh_forms_differ_as_published()
    {
        // Φ(1) = 0.841344746..., so gelu(1) = 0.8413447; tanh form: 0.5(1 + tanh(√(2/π)·1.044715)) = 0.8411920.
        var exact = RunOp("gelu", AttrMap.Empty.Set("approximate", "none"), [Tensor.F32([3], 1, -1, 0)]);
        var tanh = RunOp("gelu", AttrMap.Empty.Set("approximate", "tanh"), [Tensor.F32([3], 1, -1, 0)]);
        ShouldBeClose(F(exact), [0.8413447460685429, -0.15865525393145707, 0], 1e-7);
        ShouldBeClose(F(tanh), [0.8411919906082768, -0.15880800939172324, 0], 1e-7);
    }

    [Fact]
    public void Erf_matches_tabulated_values()
    {
        // Abramowitz & Stegun table 7.1.
        SpecialFunctions.Erf(0.5).ShouldBe(0.5204998778130465, 1e-15);
        SpecialFunctions.Erf(1.0).ShouldBe(0.8427007929497149, 1e-15);
        SpecialFunctions.Erf(2.0).ShouldBe(0.9953222650189527, 1e-15);
        SpecialFunctions.Erf(-3.0).ShouldBe(-0.9999779095030014, 1e-15);
    }

    [Fact]
    public void Silu_relu_and_softmax()
    {
        ShouldBeClose(F(RunOp("silu", AttrMap.Empty, [Tensor.F32([2], 0, 2)])), [0, 2 / (1 + Math.Exp(-2))]);
        F(RunOp("relu", AttrMap.Empty, [Tensor.F32([3], -1, 0, 2)])).ShouldBe([0f, 0, 2]);
        var e = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) };
        ShouldBeClose(F(RunOp("softmax", AttrMap.Empty.Set("axis", -1), [Tensor.F32([1, 3], 1, 2, 3)])),
            [.. e.Select(v => v / e.Sum())]);
    }

    [Fact]
    public void Rotary_rotates_pairs_by_position_times_frequency()
    {
        // head_dim 4, rotary_dim 4, theta 100: frequencies 1 and 100^(-1/2) = 0.1; row 0 is position start = 2.
        var attrs = AttrMap.Empty.Set("heads", 1).Set("head_dim", 4).Set("rotary_dim", 4).Set("theta", 100.0).Set("start", 2);
        var x = new float[] { 1, 2, 3, 4 };
        var half = RunOp("rotary", attrs.Set("interleaved", false), [Tensor.F32([1, 4], (float[])x.Clone())]);
        double a0 = 2 * 1.0, a1 = 2 * 0.1;
        // rotate_half pairs (0,2) and (1,3).
        ShouldBeClose(F(half), [1 * Math.Cos(a0) - 3 * Math.Sin(a0), 2 * Math.Cos(a1) - 4 * Math.Sin(a1),
                                1 * Math.Sin(a0) + 3 * Math.Cos(a0), 2 * Math.Sin(a1) + 4 * Math.Cos(a1)]);
        var inter = RunOp("rotary", attrs.Set("interleaved", true), [Tensor.F32([1, 4], (float[])x.Clone())]);
        // interleaved pairs (0,1) and (2,3).
        ShouldBeClose(F(inter), [1 * Math.Cos(a0) - 2 * Math.Sin(a0), 1 * Math.Sin(a0) + 2 * Math.Cos(a0),
                                 3 * Math.Cos(a1) - 4 * Math.Sin(a1), 3 * Math.Sin(a1) + 4 * Math.Cos(a1)]);
    }

    [Fact]
    public void Position_ids_embedding_and_last_token()
    {
        var pos = RunOp("position_ids", AttrMap.Empty.Set("start", SymExpr.Sym("kv")).Set("count", 3).Set("offset", 2), [],
            symbols: new Dictionary<string, long> { ["kv"] = 5 });
        pos.Ints.ShouldBe([7L, 8, 9]);
        var emb = RunOp("embedding", AttrMap.Empty, [Tensor.I64([2], 2, 0), Tensor.F32([3, 2], 0, 1, 10, 11, 20, 21)]);
        F(emb).ShouldBe([20f, 21, 0, 1]);
        var last = RunOp("last_token", AttrMap.Empty, [Tensor.F32([3, 2], 0, 1, 10, 11, 20, 21)]);
        last.Shape.ShouldBe([1L, 2]);
        F(last).ShouldBe([20f, 21]);
    }

    [Fact]
    public void F16_results_are_rounded_on_store()
    {
        // 1 + 2^-11 is not an f16 (10 mantissa bits); ties-to-even rounds it to 1. 1 + 3·2^-11 rounds up to 1 + 2^-9.
        var y = RunOp("add", AttrMap.Empty, [Tensor.Float(ElementType.F16, [2], [1, 1]), Tensor.Float(ElementType.F16, [2], [0.00048828125f, 0.00146484375f])]);
        y.Element.ShouldBe(ElementType.F16);
        F(y).ShouldBe([1f, 1.001953125f]);
        FloatRounding.ToBFloat16Float(1 + 1f / 256).ShouldBe(1f);
        FloatRounding.ToBFloat16Float(1 + 3f / 256).ShouldBe(1 + 1f / 64);
    }

    [Fact]
    public void Weight_data_round_trips_through_storage_formats()
    {
        foreach (var t in new[] { ElementType.F32, ElementType.F16, ElementType.BF16, ElementType.I8, ElementType.I4, ElementType.Ternary, ElementType.I64 })
        {
            double[] values = t.IsFloat() ? [0.5, -2, 3.25] : [-1, 0, 1];
            var tensor = WeightData.Decode(TensorType.Of(t, 3), WeightData.Encode(t, values), "w");
            Enumerable.Range(0, 3).Select(i => tensor.GetDouble(i)).ShouldBe(values);
        }
    }

    [Fact]
    public void Wrong_input_shape_is_an_invalid_model_error()
    {
        var module = new Module("m", AttrMap.Empty, [], [], []);
        var b = new FunctionBuilder(module, "f");
        var p = b.Param("x", TensorType.Of(ElementType.F32, 2, 3));
        module = module.WithFunctions([b.Return(b.Op("relu", [p.Use]).Use)]);
        var err = Should.Throw<PimccError>(() => new ReferenceInterpreter(module).Run("f", [Tensor.F32([3, 2], new float[6])]));
        err.Code.ShouldBe(ExitCode.InvalidModel);
        err.Message.ShouldContain("[3,2]");
        Should.Throw<PimccError>(() => new ReferenceInterpreter(module).Run("f", [Tensor.I64([2, 3], new long[6])])).Code.ShouldBe(ExitCode.InvalidModel);
        Should.Throw<PimccError>(() => RunOp("embedding", AttrMap.Empty, [Tensor.I64([1], 3), Tensor.F32([3, 2], new float[6])]))
            .Message.ShouldContain("outside the vocabulary");
    }

    [Fact]
    public void Config_only_weights_cannot_be_run()
    {
        var module = Pimcc.Tests.Ir.TinyDecoder.Build(dt: ElementType.F32);
        var err = Should.Throw<PimccError>(() => new ReferenceInterpreter(module).Run(Module.Prefill, [Tensor.I64([2], 1, 2)], null, new KvCacheState(module)));
        err.Code.ShouldBe(ExitCode.InvalidModel);
        err.Message.ShouldContain("no data");
    }
}
