namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>A node the raiser has no rule for (its inputs are known transformer pieces but the
/// combination is not a recognised pattern). Carries the node and why, for the report.</summary>
internal sealed class RaisingFailure(OnnxNode node, string reason) : Exception($"{node.Describe()}: {reason}")
{
    public OnnxNode Node { get; } = node;
    public string Reason { get; } = reason;
}
