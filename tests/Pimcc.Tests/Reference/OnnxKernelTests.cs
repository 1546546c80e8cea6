using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Tests.Conformance;
using static Pimcc.Tests.Reference.ReferenceTestKit;

namespace Pimcc.Tests.Reference;

/// <summary>ONNX op forms the Debian node tests (ONNX 1.12, opsets up to 17) do not exercise:
/// opset-18+ operand axes, Split's num_outputs, Gelu (opset 20), scalar-attr constants; and errors.</summary>
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
