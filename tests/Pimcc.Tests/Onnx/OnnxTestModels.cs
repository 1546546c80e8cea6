using Google.Protobuf;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Tests.Onnx;

/// <summary>Builds small ModelProto messages with the generated classes, for bad-input and decoding tests.</summary>
internal static class OnnxTestModels
{
    /// <summary>y = x + w: input x float[2], initializer w float[2] (inline float_data), output y.</summary>
    public static ModelProto AddModel(long irVersion = 8, long opset = 17)
    {
        var graph = new GraphProto { Name = "add" };
        graph.Input.Add(Value("x", TensorProto.Types.DataType.Float, 2));
        graph.Output.Add(Value("y", TensorProto.Types.DataType.Float, 2));
        var w = new TensorProto { Name = "w", DataType = (int)TensorProto.Types.DataType.Float };
        w.Dims.Add(2);
        w.FloatData.Add([1.5f, -2f]);
        graph.Initializer.Add(w);
        graph.Node.Add(Node("add0", "Add", ["x", "w"], ["y"]));
        var model = new ModelProto { IrVersion = irVersion, ProducerName = "pimcc-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    public static NodeProto Node(string name, string op, string[] inputs, string[] outputs, string domain = "")
    {
        var n = new NodeProto { Name = name, OpType = op, Domain = domain };
        n.Input.Add(inputs);
        n.Output.Add(outputs);
        return n;
    }

    public static ValueInfoProto Value(string name, TensorProto.Types.DataType type, params long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    /// <summary>A tensor whose bytes live in an external file.</summary>
    public static TensorProto External(string name, TensorProto.Types.DataType type, long[] dims, string location, long offset = 0, long? length = null)
    {
        var t = new TensorProto { Name = name, DataType = (int)type, DataLocation = TensorProto.Types.DataLocation.External };
        t.Dims.Add(dims);
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = location });
        t.ExternalData.Add(new StringStringEntryProto { Key = "offset", Value = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (length is { } l)
            t.ExternalData.Add(new StringStringEntryProto { Key = "length", Value = l.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return t;
    }

    /// <summary>Replaces the initializer w of <see cref="AddModel"/>.</summary>
    public static ModelProto WithInitializer(this ModelProto model, TensorProto w)
    {
        w.Name = "w";
        model.Graph.Initializer.Clear();
        model.Graph.Initializer.Add(w);
        return model;
    }

    public static byte[] Bytes(this ModelProto model) => model.ToByteArray();
}

/// <summary>A fresh temporary folder per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pimcc-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
