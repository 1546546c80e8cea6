using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// optimum's merged decoder (<c>decoder_model_merged.onnx</c>): one <c>If</c> on the boolean input
/// <c>use_cache_branch</c> whose then-branch is the with-past decoder (reads <c>past_key_values.*</c>) and whose
/// else-branch is the first step without a cache; both return the logits and the <c>present.*</c> values. pimcc
/// compiles the cached decode step and derives prefill from it (as for a with-past export), which is the then-branch:
/// the condition is true for every step of the workload. Each such <c>If</c> is replaced by the nodes of the branch
/// taken, before operators are checked, so the rest of the frontend sees a with-past graph. A condition that is an
/// initializer or a <c>Constant</c> is evaluated instead. Any other <c>If</c> is left alone (and reported as an
/// unsupported operator with the others).
/// </summary>
internal static class UseCacheBranch
{
    public const string InputName = "use_cache_branch";

    public static void Inline(GraphProto graph, string location)
    {
        for (var i = 0; i < graph.Node.Count; i++)
        {
            var node = graph.Node[i];
            if (node.OpType != "If" || !OnnxOperatorSet.IsDefaultDomain(node.Domain) || node.Input.Count != 1) continue;
            if (Condition(graph, node.Input[0]) is not { } taken) continue;
            var branch = node.Attribute.FirstOrDefault(a => a.Name == (taken ? "then_branch" : "else_branch"))?.G
                ?? throw OnnxErrors.Invalid($"{location}: node '{node.Name}'", $"If has no {(taken ? "then" : "else")}_branch graph");
            // a branch holding subgraphs of its own would need their outer-scope names renamed too: left alone
            if (branch.Node.Any(n => n.Attribute.Any(a => a.G is not null || a.Graphs.Count > 0))) continue;
            if (branch.Output.Count != node.Output.Count)
                throw OnnxErrors.Invalid($"{location}: node '{node.Name}'",
                    $"the {(taken ? "then" : "else")}_branch returns {branch.Output.Count} values, the If node {node.Output.Count}");
            var nodes = BranchNodes(graph, node, branch);
            graph.Node.RemoveAt(i);
            for (var k = 0; k < nodes.Count; k++) graph.Node.Insert(i + k, nodes[k]);
            i += nodes.Count - 1;
        }
        var condition = graph.Input.FirstOrDefault(v => v.Name == InputName);
        if (condition is not null && !graph.Node.Any(n => n.Input.Contains(InputName)) && !graph.Output.Any(o => o.Name == InputName))
            graph.Input.Remove(condition);
    }

    /// <summary>The branch an If takes: true for optimum's <c>use_cache_branch</c> input, the value of a constant
    /// condition, null when it depends on anything else.</summary>
    private static bool? Condition(GraphProto graph, string name)
    {
        if (name == InputName && graph.Input.Any(v => v.Name == name && v.Type?.TensorType?.ElemType == (int)TensorProto.Types.DataType.Bool))
            return true;
        var tensor = graph.Initializer.FirstOrDefault(t => t.Name == name)
            ?? graph.Node.FirstOrDefault(n => n.OpType == "Constant" && n.Output.Contains(name))?.Attribute.FirstOrDefault(a => a.Name == "value")?.T;
        if (tensor is null || tensor.DataType != (int)TensorProto.Types.DataType.Bool || tensor.Dims.Aggregate(1L, (a, b) => a * b) != 1) return null;
        if (tensor.Int32Data.Count == 1) return tensor.Int32Data[0] != 0;
        return tensor.RawData.Length == 1 ? tensor.RawData[0] != 0 : null;
    }

    /// <summary>
    /// The branch's nodes in the outer graph: its values renamed where they would clash with an outer name, its
    /// outputs renamed to the If's outputs (an Identity where the output is not a value the branch computes, or the
    /// same value twice), its initializers moved out (renamed like its values).
    /// </summary>
    private static List<NodeProto> BranchNodes(GraphProto outer, NodeProto ifNode, GraphProto branch)
    {
        var outerNames = new HashSet<string>(outer.Input.Select(v => v.Name)
            .Concat(outer.Initializer.Select(t => t.Name))
            .Concat(outer.Node.SelectMany(n => n.Output)), StringComparer.Ordinal);
        var computed = new HashSet<string>(branch.Node.SelectMany(n => n.Output).Where(o => o.Length > 0), StringComparer.Ordinal);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        var identities = new List<NodeProto>();
        for (var o = 0; o < branch.Output.Count; o++)
        {
            var value = branch.Output[o].Name;
            if (computed.Contains(value) && !rename.ContainsKey(value)) rename[value] = ifNode.Output[o];
            else identities.Add(Identity($"{ifNode.Name}/output{o}", value, ifNode.Output[o]));
        }
        string Fresh(string name)
        {
            var fresh = $"{ifNode.Name}/{name}";
            for (var k = 1; outerNames.Contains(fresh) || computed.Contains(fresh); k++) fresh = $"{ifNode.Name}/{name}.{k}";
            return fresh;
        }
        foreach (var t in branch.Initializer)
            if (!rename.ContainsKey(t.Name)) rename[t.Name] = outerNames.Contains(t.Name) ? Fresh(t.Name) : t.Name;
        foreach (var value in computed)
            if (!rename.ContainsKey(value) && outerNames.Contains(value)) rename[value] = Fresh(value);
        foreach (var t in branch.Initializer)
        {
            var moved = t.Clone();
            moved.Name = rename[t.Name];
            outer.Initializer.Add(moved);
        }
        string Map(string name) => rename.GetValueOrDefault(name, name);
        var nodes = new List<NodeProto>(branch.Node.Count + identities.Count);
        foreach (var n in branch.Node)
        {
            var copy = n.Clone();
            for (var k = 0; k < copy.Input.Count; k++) copy.Input[k] = Map(copy.Input[k]);
            for (var k = 0; k < copy.Output.Count; k++) copy.Output[k] = Map(copy.Output[k]);
            nodes.Add(copy);
        }
        foreach (var id in identities)
        {
            id.Input[0] = Map(id.Input[0]);
            nodes.Add(id);
        }
        return nodes;
    }

    private static NodeProto Identity(string name, string input, string output)
    {
        var n = new NodeProto { Name = name, OpType = "Identity" };
        n.Input.Add(input);
        n.Output.Add(output);
        return n;
    }
}
