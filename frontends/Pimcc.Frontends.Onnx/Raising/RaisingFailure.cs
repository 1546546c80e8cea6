namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>A node the raiser has no rule for (its inputs are known transformer pieces but the
/// combination is not a recognised pattern). Carries the node and why, for the report.</summary>
internal sealed class RaisingFailure(OnnxNode node, string reason) : Exception($"{node.Describe()}: {reason}")
{
    public OnnxNode Node { get; } = node;
    public string Reason { get; } = reason;
}

/// <summary>Every node that stopped raising, in graph order: a node that fits no rule is recorded and its
/// outputs are <see cref="Unraised"/>, so the nodes after it are still tried, and those that only read
/// unraised values are not reported again.</summary>
internal sealed class RaisingFailures(IReadOnlyList<RaisingFailure> failures)
    : Exception(string.Join("; ", failures.Select(f => f.Message)))
{
    public IReadOnlyList<RaisingFailure> Failures { get; } = failures;
}
