namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>Result of <see cref="OnnxShapeInference.Infer"/>: facts for every value of a graph.</summary>
public sealed class OnnxShapeFacts(OnnxGraph graph, IReadOnlyDictionary<string, ValueFacts> facts)
{
    public OnnxGraph Graph { get; } = graph;

    public ValueFacts Get(string value) =>
        facts.TryGetValue(value, out var f) ? f : throw new KeyNotFoundException($"no value '{value}' in graph '{Graph.Name}'");

    public bool TryGet(string value, out ValueFacts result) => facts.TryGetValue(value, out result!);

    /// <summary>Node outputs (graph order) whose rank is unknown or some dimension is a '?' symbol.</summary>
    public IReadOnlyList<string> UnresolvedValues() =>
        Graph.Nodes.SelectMany(n => n.Outputs).Where(o => o.Length > 0)
            .Where(o => facts[o].Shape is not { } s || !s.All(d => d.IsResolved)).ToList();
}
