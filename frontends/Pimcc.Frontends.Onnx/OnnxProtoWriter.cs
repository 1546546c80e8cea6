using System.Runtime.InteropServices;
using Google.Protobuf;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Writes an <see cref="OnnxGraph"/> back to ONNX (all tensors inline as raw_data), so a graph
/// pimcc transformed (e.g. constant-folded) can be run by ONNX Runtime and checked against the
/// original. The inverse of <see cref="OnnxGraphReader"/> for what that reader keeps.
/// </summary>
public static class OnnxProtoWriter
{
    public static byte[] ToBytes(OnnxGraph graph, long irVersion, int opset) => ToModelProto(graph, irVersion, opset).ToByteArray();

    internal static ModelProto ToModelProto(OnnxGraph graph, long irVersion, int opset)
    {
        var g = new GraphProto { Name = graph.Name };
        g.Initializer.Add(graph.Initializers.Select(Tensor));
        g.Input.Add(graph.Inputs.Select(Value));
        g.Output.Add(graph.Outputs.Select(Value));
        g.ValueInfo.Add(graph.ValueInfos.Select(Value));
        foreach (var n in graph.Nodes)
        {
            var p = new NodeProto { Name = n.Name, OpType = n.OpType, Domain = n.Domain };
            p.Input.Add(n.Inputs);
            p.Output.Add(n.Outputs);
            p.Attribute.Add(n.Attributes.Select(Attribute));
            g.Node.Add(p);
        }
        var model = new ModelProto { IrVersion = irVersion, ProducerName = "pimcc", Graph = g };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    internal static TensorProto Tensor(OnnxTensor t)
    {
        var p = new TensorProto { Name = t.Name, DataType = (int)t.DataType };
        p.Dims.Add(t.Dims);
        ReadOnlySpan<byte> bytes = t.Data switch
        {
            float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            Half[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            short[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()),
            byte[] a => a,
            bool[] a => a.Select(b => b ? (byte)1 : (byte)0).ToArray(),
            _ => throw new InvalidOperationException($"tensor '{t.Name}' holds {t.Data.GetType().Name}"),
        };
        p.RawData = ByteString.CopyFrom(bytes);
        return p;
    }

    private static AttributeProto Attribute(OnnxAttribute a)
    {
        var p = new AttributeProto { Name = a.Name };
        switch (a.Kind)
        {
            case OnnxAttributeKind.Float: p.Type = AttributeProto.Types.AttributeType.Float; p.F = a.Float; break;
            case OnnxAttributeKind.Int: p.Type = AttributeProto.Types.AttributeType.Int; p.I = a.Int; break;
            case OnnxAttributeKind.String: p.Type = AttributeProto.Types.AttributeType.String; p.S = ByteString.CopyFromUtf8(a.String); break;
            case OnnxAttributeKind.Tensor: p.Type = AttributeProto.Types.AttributeType.Tensor; p.T = Tensor(a.Tensor!); break;
            case OnnxAttributeKind.Floats: p.Type = AttributeProto.Types.AttributeType.Floats; p.Floats.Add(a.Floats); break;
            case OnnxAttributeKind.Ints: p.Type = AttributeProto.Types.AttributeType.Ints; p.Ints.Add(a.Ints); break;
            case OnnxAttributeKind.Strings:
                p.Type = AttributeProto.Types.AttributeType.Strings;
                p.Strings.Add(a.Strings.Select(ByteString.CopyFromUtf8));
                break;
        }
        return p;
    }

    private static ValueInfoProto Value(OnnxValueInfo v)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = (int)v.ElementType };
        if (v.Shape is { } s)
        {
            tensor.Shape = new TensorShapeProto();
            foreach (var d in s.Dims)
            {
                var dim = new TensorShapeProto.Types.Dimension();
                if (d.Value is { } x) dim.DimValue = x;
                else if (d.Symbol is { } sym) dim.DimParam = sym;
                tensor.Shape.Dim.Add(dim);
            }
        }
        return new ValueInfoProto { Name = v.Name, Type = new TypeProto { TensorType = tensor } };
    }
}
