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
        initializerByName = initializers.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Nodes = WithoutInitializerAliases(nodes, initializerByName);
        Initializers = initializerByName.Count == initializers.Count ? initializers
            : [.. initializers, .. initializerByName.Values.Skip(initializers.Count)];
        Inputs = inputs;
        Outputs = outputs;
        ValueInfos = valueInfos;
        valueInfoByName = new Dictionary<string, OnnxValueInfo>(StringComparer.Ordinal);
        foreach (var v in valueInfos.Concat(inputs).Concat(outputs))
            valueInfoByName[v.Name] = v;
    }

    /// <summary>
    /// Exporters store a tensor once when several parameters hold the same values (torch.onnx does for equal LayerNorm
    /// scales or zero biases) and give the others as <c>Identity</c> of it. Each such output becomes an initializer of
    /// its own name holding the same values (listed after the file's own), and the <c>Identity</c> node goes: the graph reads as if exported without
    /// the deduplication (chains resolve, since nodes come in topological order).
    /// </summary>
    private static List<OnnxNode> WithoutInitializerAliases(IReadOnlyList<OnnxNode> nodes, Dictionary<string, OnnxTensor> initializers)
    {
        var kept = new List<OnnxNode>(nodes.Count);
        foreach (var n in nodes)
        {
            if (n is { OpType: "Identity", Domain: "" or "ai.onnx", Inputs: [var source], Outputs: [var alias] }
                && initializers.TryGetValue(source, out var t) && !initializers.ContainsKey(alias))
                initializers[alias] = new OnnxTensor(alias, t.DataType, t.Dims, t.Data);
            else
                kept.Add(n);
        }
        return kept;
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
