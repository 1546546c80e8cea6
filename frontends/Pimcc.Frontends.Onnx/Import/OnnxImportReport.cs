using System.Globalization;
using System.Text;

namespace Pimcc.Frontends.Onnx.Import;

/// <summary>An ONNX node left as a generic <c>onnx.*</c> op, and why.</summary>
public sealed record NotRaisedNode(string Node, string OpType, string Reason);

/// <summary>
/// What <see cref="OnnxFrontend"/> did with a graph: whether it was raised to transformer-level ops,
/// the op counts of the resulting prefill, the nodes not raised (with reasons), and where the decode
/// function came from.
/// </summary>
public sealed record OnnxImportReport(
    bool Raised,
    int OnnxNodes,
    int ShapeNodesFolded,
    int RaisedOps,
    int GenericOps,
    IReadOnlyList<NotRaisedNode> NotRaised,
    string Decode)
{
    /// <summary>Set when the default workload was scaled down to the model's positions (a note for stderr).</summary>
    public string? WorkloadNote { get; init; }

    /// <summary>One line per fact, for <c>--emit</c> diagnostics and logs.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"onnx import: {OnnxNodes} nodes after folding ({ShapeNodesFolded} folded away); ");
        sb.Append(Raised ? "raised" : "NOT raised").Append(CultureInfo.InvariantCulture, $": {RaisedOps} transformer-level ops, {GenericOps} generic onnx.* ops in prefill\n");
        foreach (var n in NotRaised) sb.Append(CultureInfo.InvariantCulture, $"  not raised: '{n.Node}' ({n.OpType}): {n.Reason}\n");
        sb.Append("  decode: ").Append(Decode).Append('\n');
        return sb.ToString();
    }
}
