namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>What <see cref="OnnxConstantFolding.Fold"/> did.</summary>
public sealed record OnnxFoldResult(OnnxGraph Graph, int NodesFolded, int NodesRemoved);

/// <summary>
/// Constant folding of shape subgraphs: every node whose outputs inference fully knows (small
/// integer/bool tensors from the Shape/Gather/Concat... arithmetic, and Constant nodes) becomes
/// an initializer; then nodes and initializers nothing live reads are removed. Float compute is
/// never folded, so weights are not duplicated (e.g. a tied LM head's Transpose stays a node).
/// Shape arithmetic that depends on a symbolic length (seq, past_seq) stays in the graph; its
/// symbolic value is in <see cref="OnnxShapeFacts"/>.
/// </summary>
public static class OnnxConstantFolding
{
    public static OnnxFoldResult Fold(OnnxShapeFacts facts)
    {
        var graph = facts.Graph;
        var initializers = graph.Initializers.ToList();
        var kept = new List<OnnxNode>();
        var folded = 0;
        foreach (var node in graph.Nodes)
        {
            var constants = FoldedOutputs(node, facts);
            if (constants is null)
            {
                kept.Add(node);
                continue;
            }
            initializers.AddRange(constants);
            folded++;
        }

        // Dead-code elimination, backwards from the graph outputs.
        var live = new HashSet<string>(graph.Outputs.Select(o => o.Name), StringComparer.Ordinal);
        var liveNodes = new List<OnnxNode>();
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            if (!kept[i].Outputs.Any(live.Contains)) continue;
            liveNodes.Add(kept[i]);
            foreach (var input in kept[i].Inputs) live.Add(input);
        }
        liveNodes.Reverse();
        var liveInitializers = initializers.Where(t => live.Contains(t.Name)).ToList();
        var result = new OnnxGraph(graph.Name, liveNodes, liveInitializers, graph.Inputs, graph.Outputs, []);
        return new OnnxFoldResult(result, folded, kept.Count - liveNodes.Count);
    }

    /// <summary>The node's outputs as initializers, or null when it cannot be folded.</summary>
    private static IReadOnlyList<OnnxTensor>? FoldedOutputs(OnnxNode node, OnnxShapeFacts facts)
    {
        if (node.OpType == "Constant" && node.FindAttribute("value")?.Tensor is { } value)
            return [new OnnxTensor(node.Outputs[0], value.DataType, value.Dims, value.Data)];
        if (node.OpType == "ConstantOfShape" && SmallFill(node, facts) is { } fill) return [fill];
        var result = new List<OnnxTensor>();
        foreach (var output in node.Outputs)
        {
            if (output.Length == 0) continue;
            var f = facts.Get(output);
            if (!f.IsConstant || f.Shape is null || !f.Shape.All(d => d.IsConstant) || !ShapeMath.IsInteger(f.ElementType))
                return null;
            var dims = f.Shape.Select(d => d.Constant).ToArray();
            var values = f.ConstantElements();
            if (values.Length != dims.Aggregate(1L, (a, b) => a * b))
                return null;
            result.Add(new OnnxTensor(output, f.ElementType, dims, Typed(f.ElementType, values)));
        }
        return result.Count > 0 ? result : null;
    }

    /// <summary>ConstantOfShape of a known small shape (also the empty shape: <c>torch.full([], v)</c> exports a
    /// scalar so) as an initializer of its value's type; float fills are folded too, they are a handful of elements.</summary>
    private static OnnxTensor? SmallFill(OnnxNode node, OnnxShapeFacts facts)
    {
        var f = facts.Get(node.Outputs[0]);
        if (f.Shape is null || !f.Shape.All(d => d.IsConstant)) return null;
        var dims = f.Shape.Select(d => d.Constant).ToArray();
        var count = dims.Aggregate(1L, (a, b) => a * b);
        if (count > OnnxShapeInference.MaxTrackedElements) return null;
        var value = node.FindAttribute("value")?.Tensor ?? new OnnxTensor("", OnnxDataType.Float, [1], new float[] { 0 });
        if (value.ElementCount != 1) return null;
        var data = Array.CreateInstance(value.Data.GetType().GetElementType()!, count);
        for (var i = 0; i < count; i++) data.SetValue(value.Data.GetValue(0), i);
        return new OnnxTensor(node.Outputs[0], value.DataType, dims, data);
    }

    private static Array Typed(OnnxDataType type, long[] values) => type switch
    {
        OnnxDataType.Int64 => values,
        OnnxDataType.Int32 => values.Select(v => checked((int)v)).ToArray(),
        OnnxDataType.Int16 => values.Select(v => checked((short)v)).ToArray(),
        OnnxDataType.UInt16 => values.Select(v => checked((ushort)v)).ToArray(),
        OnnxDataType.Int8 => values.Select(v => checked((sbyte)v)).ToArray(),
        OnnxDataType.UInt8 => values.Select(v => checked((byte)v)).ToArray(),
        OnnxDataType.Bool => values.Select(v => v != 0).ToArray(),
        _ => throw new InvalidOperationException($"cannot fold {type}"),
    };
}
