using System.Collections.Immutable;
using Pimcc.Frontends.Onnx;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;
using Pimcc.Reference;
using Pimcc.Reference.Onnx;

namespace Pimcc.Tests.Conformance;

/// <summary>
/// The minimal import the conformance run needs: each ONNX node becomes one generic
/// <c>onnx.&lt;OpType&gt;</c> op (attributes kept under their ONNX names), initializers become
/// weights, graph inputs become parameters typed by the data set's input tensors, and result types
/// are declared from the expected outputs (the shapes the real importer's shape inference would
/// find). Tensor attributes (Constant/ConstantOfShape <c>value</c>) become weights passed as an
/// extra operand, the convention <see cref="OnnxKernels"/> documents. It is an adapter in the
/// test area, not the ONNX frontend: it raises nothing.
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

    /// <summary>Any graph: parameter types given, every node output typed by <paramref name="typeOf"/>.</summary>
    public static Module Import(OnnxGraph graph, IReadOnlyList<TensorType> paramTypes, Func<string, TensorType> typeOf)
    {
        var weights = new List<Weight>();
        foreach (var init in graph.Initializers)
            weights.Add(OnnxTensorConversion.ToWeight(init.Name, OnnxTensorConversion.ToTensor(init)));
        var runtimeInputs = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        if (runtimeInputs.Count != paramTypes.Count)
            throw new InvalidOperationException($"graph has {runtimeInputs.Count} runtime inputs, {paramTypes.Count} types were given");

        // Tensor-valued attributes become weights first, so the builder can resolve them.
        var extraOperands = new Dictionary<OnnxNode, List<Operand>>();
        foreach (var node in graph.Nodes)
        {
            var extra = new List<Operand>();
            foreach (var a in node.Attributes.Where(a => a.Kind == OnnxAttributeKind.Tensor))
            {
                if (a.Name != "value" || node.OpType is not ("Constant" or "ConstantOfShape"))
                    throw new UnsupportedCaseException($"tensor attribute '{a.Name}' of {node.OpType}");
                var name = $"{node.Outputs[0]}.{a.Name}";
                weights.Add(OnnxTensorConversion.ToWeight(name, OnnxTensorConversion.ToTensor(a.Tensor!)));
                extra.Add(Operand.W(name));
            }
            extraOperands[node] = extra;
        }

        var module = new Module(graph.Name, AttrMap.Empty, [.. weights], [], []);
        var b = new FunctionBuilder(module, "main");
        var scope = new Dictionary<string, Operand>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers) scope[init.Name] = Operand.W(init.Name);
        for (var i = 0; i < paramTypes.Count; i++)
            scope[runtimeInputs[i].Name] = b.Param(runtimeInputs[i].Name, paramTypes[i]).Use;

        foreach (var node in graph.Nodes)
        {
            if (!OnnxOperatorSet.IsDefaultDomain(node.Domain)) throw new UnsupportedCaseException($"domain '{node.Domain}'");
            var operands = Operands(node, scope);
            operands.AddRange(extraOperands[node]);
            var types = node.Outputs.Select(o => o.Length == 0 ? throw new UnsupportedCaseException("an omitted optional output") : typeOf(o));
            var results = b.OpTyped("onnx." + node.OpType, operands, Attributes(node), types, [.. node.Outputs]);
            for (var i = 0; i < results.Length; i++) scope[node.Outputs[i]] = results[i].Use;
        }
        var fn = b.Return([.. graph.Outputs.Select(o => scope[o.Name])]);
        return module.WithFunctions([fn]);
    }

    /// <summary>Node inputs in order; trailing omitted ones are dropped and Slice's omitted axes get
    /// their default [0, n), as the interpreter's operand convention asks.</summary>
    private static List<Operand> Operands(OnnxNode node, Dictionary<string, Operand> scope)
    {
        var names = node.Inputs.ToList();
        while (names.Count > 0 && names[^1].Length == 0) names.RemoveAt(names.Count - 1);
        var result = new List<Operand>();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
                throw new UnsupportedCaseException($"omitted optional input {i} followed by a present one");
            result.Add(scope.TryGetValue(names[i], out var o) ? o : throw new InvalidOperationException($"undefined input '{names[i]}'"));
        }
        return result;
    }

    private static AttrMap Attributes(OnnxNode node)
    {
        var map = AttrMap.Empty;
        foreach (var a in node.Attributes)
        {
            AttrValue? v = a.Kind switch
            {
                OnnxAttributeKind.Int => AttrValue.Of(a.Int),
                OnnxAttributeKind.Float => AttrValue.Of((double)a.Float),
                OnnxAttributeKind.String => AttrValue.Of(a.String),
                OnnxAttributeKind.Ints => AttrValue.Of(a.Ints),
                OnnxAttributeKind.Floats => AttrValue.Of(a.Floats.Select(f => (double)f)),
                OnnxAttributeKind.Strings => AttrValue.Of(a.Strings),
                OnnxAttributeKind.Tensor => null,
                _ => throw new UnsupportedCaseException($"attribute kind {a.Kind}"),
            };
            if (v is not null) map = map.Set(a.Name, v);
        }
        return map;
    }
}
