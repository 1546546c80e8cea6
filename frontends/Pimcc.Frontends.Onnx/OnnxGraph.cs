namespace Pimcc.Frontends.Onnx;

/// <summary>
/// A loaded ONNX graph: nodes in topological order (as ONNX requires), decoded initializers,
/// runtime inputs (graph inputs that are not initializers), outputs, and the value_info the
/// exporter recorded. Lists keep file order, so anything derived from them is deterministic.
/// </summary>
public sealed class OnnxGraph
{
    private readonly Dictionary<string, OnnxTensor> initializerByName;
    private readonly Dictionary<string, OnnxValueInfo> valueInfoByName;

    public OnnxGraph(
        string name,
        IReadOnlyList<OnnxNode> nodes,
        IReadOnlyList<OnnxTensor> initializers,
        IReadOnlyList<OnnxValueInfo> inputs,
        IReadOnlyList<OnnxValueInfo> outputs,
        IReadOnlyList<OnnxValueInfo> valueInfos)
    {
        Name = name;
        Nodes = nodes;
        Initializers = initializers;
        Inputs = inputs;
        Outputs = outputs;
        ValueInfos = valueInfos;
        initializerByName = initializers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        valueInfoByName = new Dictionary<string, OnnxValueInfo>(StringComparer.Ordinal);
        foreach (var v in valueInfos.Concat(inputs).Concat(outputs))
            valueInfoByName[v.Name] = v;
    }

    public string Name { get; }
    public IReadOnlyList<OnnxNode> Nodes { get; }
    public IReadOnlyList<OnnxTensor> Initializers { get; }
    public IReadOnlyList<OnnxValueInfo> Inputs { get; }
    public IReadOnlyList<OnnxValueInfo> Outputs { get; }
    public IReadOnlyList<OnnxValueInfo> ValueInfos { get; }

    public OnnxTensor? FindInitializer(string name) => initializerByName.GetValueOrDefault(name);

    /// <summary>Declared type/shape of a value (input, output or value_info), if the file has one.</summary>
    public OnnxValueInfo? FindValueInfo(string name) => valueInfoByName.GetValueOrDefault(name);
}

/// <summary>A loaded, validated ONNX model.</summary>
public sealed record OnnxModel(
    string Path,
    long IrVersion,
    int Opset,
    string ProducerName,
    string ProducerVersion,
    OnnxGraph Graph);
