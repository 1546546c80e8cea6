using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Conformance;
using static Pimcc.Tests.Reference.ReferenceTestKit;

namespace Pimcc.Tests.Reference;

/// <summary>ONNX op forms the Debian node tests (ONNX 1.12, opsets up to 17) do not exercise:
/// opset-18+ operand axes, Split's num_outputs, Gelu (opset 20), scalar-attr constants, CumSum and ScatterND on
/// the types the IR has (the node tests use double, or no test); and errors. Expected values by hand from the spec.</summary>
public class OnnxKernelTests
{
    private static Tensor[] RunOnnx(string opType, AttrMap attrs, IReadOnlyList<Tensor> inputs, params TensorType[] results)
    {
        var module = new Module("op", AttrMap.Empty, [], [], []);
        var b = new FunctionBuilder(module, "f");
        var ps = inputs.Select((t, i) => b.Param($"in{i}", TypeOf(t))).ToList();
        var rs = b.OpTyped("onnx." + opType, ps.Select(p => p.Use), attrs, results);
        module = module.WithFunctions([b.Return([.. rs.Select(r => r.Use)])]);
        return [.. new ReferenceInterpreter(module).Run("f", inputs)];
    }

    private static TensorType T(ElementType e, params long[] dims) => new(e, [.. dims.Select(SymExpr.Const)]);

    [Fact]
    public void CumSum_sums_along_the_axis_with_exclusive_and_reverse()
    {
        // x = [[1, 2, 3], [4, 5, 6]]; along axis 1: [[1, 3, 6], [4, 9, 15]]; exclusive: [[0, 1, 3], [0, 4, 9]];
        // reverse: [[6, 5, 3], [15, 11, 6]]; along axis 0 on int64: [[1, 2, 3], [5, 7, 9]].
        var x = Tensor.F32([2, 3], 1, 2, 3, 4, 5, 6);
        F(RunOnnx("CumSum", AttrMap.Empty, [x, Tensor.I64([], 1)], T(ElementType.F32, 2, 3))[0]).ShouldBe([1f, 3, 6, 4, 9, 15]);
        F(RunOnnx("CumSum", AttrMap.Empty.Set("exclusive", 1L), [x, Tensor.I64([], -1)], T(ElementType.F32, 2, 3))[0]).ShouldBe([0f, 1, 3, 0, 4, 9]);
        F(RunOnnx("CumSum", AttrMap.Empty.Set("reverse", 1L), [x, Tensor.I64([], 1)], T(ElementType.F32, 2, 3))[0]).ShouldBe([6f, 5, 3, 15, 11, 6]);
        RunOnnx("CumSum", AttrMap.Empty, [Tensor.I64([2, 3], 1, 2, 3, 4, 5, 6), Tensor.I64([], 0)], T(ElementType.I64, 2, 3))[0].Ints.ShouldBe([1L, 2, 3, 5, 7, 9]);
    }

    [Fact]
    public void ScatterND_replaces_or_combines_the_addressed_slices()
    {
        // data [[1, 2], [3, 4], [5, 6]]; indices [[2], [0]] address rows 2 and 0; updates [[10, 20], [30, 40]].
        var data = Tensor.F32([3, 2], 1, 2, 3, 4, 5, 6);
        var indices = Tensor.I64([2, 1], 2, 0);
        var updates = Tensor.F32([2, 2], 10, 20, 30, 40);
        F(RunOnnx("ScatterND", AttrMap.Empty, [data, indices, updates], T(ElementType.F32, 3, 2))[0]).ShouldBe([30f, 40, 3, 4, 10, 20]);
        F(RunOnnx("ScatterND", AttrMap.Empty.Set("reduction", "add"), [data, indices, updates], T(ElementType.F32, 3, 2))[0]).ShouldBe([31f, 42, 3, 4, 15, 26]);
        // Full index tuples on bool data (how exporters write a padding mask into a causal one): element [1, 0].
        var mask = RunOnnx("ScatterND", AttrMap.Empty, [Tensor.Bool([2, 2], [false, false, false, false]), Tensor.I64([1, 2], 1, 0), Tensor.Bool([1], [true])], T(ElementType.Bool, 2, 2))[0];
        mask.Bools.ShouldBe([false, false, true, false]);
        Should.Throw<PimccError>(() => RunOnnx("ScatterND", AttrMap.Empty, [data, Tensor.I64([1, 1], 3), Tensor.F32([1, 2], 0, 0)], T(ElementType.F32, 3, 2)))
            .Message.ShouldContain("out of range");
    }

    [Fact]
    public void Tile_and_GatherElements_refuse_what_no_tensor_holds()
    {
        // the node tests cover the values; here: a repeat count past any array, and an index past the axis
        Should.Throw<PimccError>(() => RunOnnx("Tile", AttrMap.Empty, [Tensor.F32([2], 1, 2), Tensor.I64([1], 1L << 40)], T(ElementType.F32, 2L << 40)))
            .Message.ShouldContain("more elements than a tensor holds");
        Should.Throw<PimccError>(() => RunOnnx("GatherElements", AttrMap.Empty.Set("axis", 1L), [Tensor.F32([1, 2], 1, 2), Tensor.I64([1, 1], 2)], T(ElementType.F32, 1, 1)))
            .Message.ShouldContain("out of range");
        // repeat_interleave(x, 2, -1) as torch >= 2.0 exports it: Unsqueeze, Tile [1, 2], Reshape; by hand [1, 1, 2, 2]
        F(RunOnnx("Tile", AttrMap.Empty, [Tensor.F32([2, 1], 1, 2), Tensor.I64([2], 1, 2)], T(ElementType.F32, 2, 2))[0]).ShouldBe([1f, 1, 2, 2]);
    }

    [Fact]
    public void ReduceMean_takes_axes_as_an_operand_from_opset_18()
    {
        var y = RunOnnx("ReduceMean", AttrMap.Empty.Set("keepdims", 0L), [Tensor.F32([2, 2], 1, 2, 3, 5), Tensor.I64([1], -1)], T(ElementType.F32, 2))[0];
        F(y).ShouldBe([1.5f, 4f]);
    }

    [Fact]
    public void Split_by_num_outputs_makes_the_last_piece_smaller()
    {
        var parts = RunOnnx("Split", AttrMap.Empty.Set("axis", 0L).Set("num_outputs", 2L), [Tensor.F32([5], 1, 2, 3, 4, 5)],
            T(ElementType.F32, 3), T(ElementType.F32, 2));
        F(parts[0]).ShouldBe([1f, 2, 3]);
        F(parts[1]).ShouldBe([4f, 5]);
    }

    [Fact]
    public void Gelu_defaults_to_the_exact_form()
    {
        var y = RunOnnx("Gelu", AttrMap.Empty, [Tensor.F32([1], 1)], T(ElementType.F32, 1))[0];
        F(y)[0].ShouldBe(0.8413447f, 1e-6f);
        var t = RunOnnx("Gelu", AttrMap.Empty.Set("approximate", "tanh"), [Tensor.F32([1], 1)], T(ElementType.F32, 1))[0];
        F(t)[0].ShouldBe(0.8411920f, 1e-6f);
    }

    [Fact]
    public void Constants_from_scalar_attributes_take_the_declared_type()
    {
        var c = RunOnnx("ConstantOfShape", AttrMap.Empty.Set("value", 1L), [Tensor.I64([2], 2, 3)], T(ElementType.I64, 2, 3))[0];
        c.Ints.ShouldBe([1L, 1, 1, 1, 1, 1]);
        var h = RunOnnx("ConstantOfShape", AttrMap.Empty.Set("value", 0.1), [Tensor.I64([1], 2)], T(ElementType.F16, 2))[0];
        F(h).ShouldBe([(float)(Half)0.1f, (float)(Half)0.1f]);
        var ints = RunOnnx("Constant", AttrMap.Empty.Set("value_ints", AttrValue.Of([3L, -1])), [], T(ElementType.I64, 2))[0];
        ints.Ints.ShouldBe([3L, -1]);
    }

    [Fact]
    public void Bad_values_are_user_errors()
    {
        Should.Throw<PimccError>(() => RunOnnx("Reshape", AttrMap.Empty, [Tensor.F32([2, 3], new float[6]), Tensor.I64([1], 4)], T(ElementType.F32, 4)))
            .Code.ShouldBe(ExitCode.InvalidModel);
        Should.Throw<PimccError>(() => RunOnnx("Gather", AttrMap.Empty, [Tensor.F32([2], 1, 2), Tensor.I64([1], 2)], T(ElementType.F32, 1)))
            .Message.ShouldContain("out of range");
        Should.Throw<PimccError>(() => RunOnnx("Add", AttrMap.Empty, [Tensor.F32([2], 1, 2), Tensor.F32([3], 1, 2, 3)], T(ElementType.F32, 3)))
            .Message.ShouldContain("do not broadcast");
        // The declared result shape is checked against what the op computes.
        Should.Throw<PimccError>(() => RunOnnx("Relu", AttrMap.Empty, [Tensor.F32([2], 1, 2)], T(ElementType.F32, 3)))
            .Message.ShouldContain("declares");
        Should.Throw<PimccError>(() => RunOnnx("LSTM", AttrMap.Empty, [Tensor.F32([1], 1)], T(ElementType.F32, 1)))
            .Code.ShouldBe(ExitCode.UnsupportedOperator);
    }

    [Fact]
    public void Tensor_comparison_flags_differences_beyond_tolerance()
    {
        var expected = Tensor.F32([3], 1, float.NaN, 100);
        TensorComparison.Difference(Tensor.F32([3], 1.00001f, float.NaN, 100.005f), expected, 1e-4, 1e-5).ShouldBeNull();
        TensorComparison.Difference(Tensor.F32([3], 1.001f, float.NaN, 100), expected, 1e-4, 1e-5).ShouldNotBeNull().ShouldContain("element 0");
        TensorComparison.Difference(Tensor.F32([3], 1, 0, 100), expected, 1e-4, 1e-5).ShouldNotBeNull().ShouldContain("element 1");
        TensorComparison.Difference(Tensor.F32([1, 3], 1, float.NaN, 100), expected, 1e-4, 1e-5).ShouldNotBeNull().ShouldContain("shape");
        TensorComparison.Difference(Tensor.I64([3], 1, 0, 100), expected, 1e-4, 1e-5).ShouldNotBeNull().ShouldContain("element type");
    }
}
