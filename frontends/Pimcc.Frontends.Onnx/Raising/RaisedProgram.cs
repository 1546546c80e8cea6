using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// The raised decoder: transformer-level nodes in graph order, the weights they use (ONNX
/// initializers, linear weights transposed to [out, in]), and the node producing the logits.
/// </summary>
internal sealed class RaisedProgram
{
    public List<RaisedNode> Nodes { get; } = [];

    /// <summary>Weights by IR name, in creation order.</summary>
    public List<Weight> Weights { get; } = [];

    public RaisedNode? Output { get; set; }

    public string AddWeight(Weight w)
    {
        if (Weights.Any(x => x.Name == w.Name)) return w.Name;
        Weights.Add(w);
        return w.Name;
    }
}
