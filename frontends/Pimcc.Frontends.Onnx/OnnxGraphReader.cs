using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Converts a GraphProto into an <see cref="OnnxGraph"/>: decodes initializers and attribute
/// tensors, converts types and shapes, and checks that every node input is defined earlier
/// (ONNX graphs are topologically sorted) and that no value is defined twice.
/// </summary>
internal sealed class OnnxGraphReader(string location, OnnxTensorDecoder decoder)
{
    public OnnxGraph Read(GraphProto g)
    {
        var initializers = g.Initializer.Select(t => decoder.Decode(t, $"initializer '{t.Name}'")).ToList();
        var initializerNames = new HashSet<string>(initializers.Select(t => t.Name), StringComparer.Ordinal);
        if (initializerNames.Count != initializers.Count)
            throw OnnxErrors.Invalid(location, "two initializers have the same name");

        // Before IR 4 initializers were also listed as graph inputs; keep only runtime inputs.
        var inputs = g.Input.Where(v => !initializerNames.Contains(v.Name)).Select(v => ValueInfo(v, "graph input")).ToList();
        var outputs = g.Output.Select(v => ValueInfo(v, "graph output")).ToList();
        var valueInfos = g.ValueInfo.Select(v => ValueInfo(v, "value_info")).ToList();

        var defined = new HashSet<string>(initializerNames, StringComparer.Ordinal);
        foreach (var v in inputs)
            if (!defined.Add(v.Name))
                throw OnnxErrors.Invalid(location, $"value '{v.Name}' is defined twice (graph input)");

        var nodes = new List<OnnxNode>(g.Node.Count);
        foreach (var n in g.Node)
        {
            var node = Node(n);
            foreach (var input in node.Inputs)
                if (input.Length > 0 && !defined.Contains(input))
                    throw OnnxErrors.Invalid($"{location}: node {node.Describe()}",
                        $"input '{input}' is not defined by an earlier node, an initializer or a graph input");
            foreach (var output in node.Outputs)
                if (output.Length > 0 && !defined.Add(output))
                    throw OnnxErrors.Invalid($"{location}: node {node.Describe()}", $"value '{output}' is defined twice");
            nodes.Add(node);
        }
        foreach (var o in outputs)
            if (!defined.Contains(o.Name))
                throw OnnxErrors.Invalid(location, $"graph output '{o.Name}' is never computed");
        return new OnnxGraph(g.Name, nodes, initializers, inputs, outputs, valueInfos);
    }

    private OnnxNode Node(NodeProto n)
    {
        var attributes = n.Attribute.Select(a => Attribute(a, n)).ToList();
        var domain = OnnxOperatorSet.IsDefaultDomain(n.Domain) ? "" : n.Domain;
        return new OnnxNode(n.Name, n.OpType, domain, n.Input.ToList(), n.Output.ToList(), attributes);
    }

    private OnnxAttribute Attribute(AttributeProto a, NodeProto n)
    {
        var where = $"node '{n.Name}' attribute '{a.Name}'";
        return a.Type switch
        {
            AttributeProto.Types.AttributeType.Float => new(a.Name, OnnxAttributeKind.Float) { Float = a.F },
            AttributeProto.Types.AttributeType.Int => new(a.Name, OnnxAttributeKind.Int) { Int = a.I },
            AttributeProto.Types.AttributeType.String => new(a.Name, OnnxAttributeKind.String) { String = a.S.ToStringUtf8() },
            AttributeProto.Types.AttributeType.Tensor when a.T is not null =>
                new(a.Name, OnnxAttributeKind.Tensor) { Tensor = decoder.Decode(a.T, where) },
            AttributeProto.Types.AttributeType.Floats => new(a.Name, OnnxAttributeKind.Floats) { Floats = a.Floats.ToArray() },
            AttributeProto.Types.AttributeType.Ints => new(a.Name, OnnxAttributeKind.Ints) { Ints = a.Ints.ToArray() },
            AttributeProto.Types.AttributeType.Strings =>
                new(a.Name, OnnxAttributeKind.Strings) { Strings = a.Strings.Select(s => s.ToStringUtf8()).ToArray() },
            _ => throw OnnxErrors.Invalid($"{location}: {where}", $"attribute type {a.Type} is not supported here"),
        };
    }

    private OnnxValueInfo ValueInfo(ValueInfoProto v, string what)
    {
        var tensor = v.Type?.TensorType;
        if (tensor is null)
            throw OnnxErrors.UnsupportedType($"{location}: {what} '{v.Name}'", "only tensor values are supported (this one is a sequence, map or optional, or has no type)");
        var elem = tensor.ElemType;
        if (!OnnxDataTypes.IsSupported(elem))
            throw OnnxErrors.UnsupportedType($"{location}: {what} '{v.Name}'", $"element type {OnnxDataTypes.ProtoName(elem)} is not supported");
        OnnxShape? shape = null;
        if (tensor.Shape is not null)
            shape = new OnnxShape(tensor.Shape.Dim.Select(d => Dim(d, v.Name, what)).ToArray());
        return new OnnxValueInfo(v.Name, (OnnxDataType)elem, shape);
    }

    private OnnxDim Dim(TensorShapeProto.Types.Dimension d, string name, string what) => d.ValueCase switch
    {
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue when d.DimValue >= 0 => OnnxDim.Known(d.DimValue),
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue =>
            throw OnnxErrors.Invalid($"{location}: {what} '{name}'", $"negative dimension {d.DimValue}"),
        TensorShapeProto.Types.Dimension.ValueOneofCase.DimParam => OnnxDim.Named(d.DimParam),
        _ => OnnxDim.Unknown,
    };
}
