using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Tests.Conformance;

/// <summary>
/// The conformance run's import: the ONNX frontend's node-for-node generic import
/// (<see cref="OnnxGenericImporter"/>), with parameters typed by the data set's input tensors and
/// graph outputs by the expected outputs (intermediate values of multi-node tests by the frontend's
/// shape inference). It raises nothing.
/// </summary>
internal static class NodeTestImporter
{
    /// <summary>Node tests: parameters typed by the data set's inputs, graph outputs by its expected
    /// outputs, intermediate values (multi-node tests) by the frontend's shape inference.</summary>
    public static Module Import(OnnxGraph graph, IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor> outputs, OnnxShapeFacts? facts)
    {
        var outputTypes = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Outputs.Count; i++) outputTypes[graph.Outputs[i].Name] = ReferenceTestKitTypes.TypeOf(outputs[i]);
        return Import(graph, [.. inputs.Select(ReferenceTestKitTypes.TypeOf)],
            o => outputTypes.TryGetValue(o, out var t) ? t
                : facts is not null ? OnnxTensorConversion.TypeOf(facts.Get(o), o)
                : throw new UnsupportedCaseException($"intermediate value '{o}' (no declared type)"));
    }

    /// <summary>Any graph: parameter types given, every node output typed by <paramref name="typeOf"/>;
    /// the frontend's generic importer (<see cref="OnnxGenericImporter"/>) does the work.</summary>
    public static Module Import(OnnxGraph graph, IReadOnlyList<TensorType> paramTypes, Func<string, TensorType> typeOf) =>
        OnnxGenericImporter.Import(graph, paramTypes, typeOf, graph.Name, "main", graph.Name);
}
