using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// The runtime inputs of an exported decoder, by role: the token ids [batch, seq]; optionally the
/// attention mask [batch, past + seq] and position ids [batch, seq] (optimum exports take both), and
/// the KV cache <c>past_key_values.N.key/value</c> [batch, kv_heads, past, head_dim] of a with-past graph.
/// pimcc compiles one unpadded sequence: the mask is all ones and the positions count from the cached
/// length, which is how structural subgraphs are evaluated (<see cref="StructuralEvaluator"/>).
/// </summary>
internal sealed record DecoderInputs(string Ids, string? AttentionMask, string? PositionIds, IReadOnlyList<string> Past)
{
    /// <summary>Names the runtime inputs of <paramref name="graph"/>, or says which input has no role.</summary>
    public static DecoderInputs? Find(OnnxGraph graph, out string problem)
    {
        problem = "";
        var runtime = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        var ids = runtime.FirstOrDefault(i => i.Name == "input_ids")
            ?? (runtime.Count(i => i.ElementType == OnnxDataType.Int64 && !IsMask(i.Name) && !IsPositions(i.Name)) == 1
                ? runtime.First(i => i.ElementType == OnnxDataType.Int64 && !IsMask(i.Name) && !IsPositions(i.Name)) : null);
        if (ids is null || ids.ElementType != OnnxDataType.Int64)
        {
            problem = $"no int64 token-id input among the runtime inputs ({string.Join(", ", runtime.Select(i => i.Name))})";
            return null;
        }
        var mask = runtime.FirstOrDefault(i => IsMask(i.Name))?.Name;
        var positions = runtime.FirstOrDefault(i => IsPositions(i.Name))?.Name;
        var past = runtime.Where(i => i.Name.StartsWith("past_key_values", StringComparison.Ordinal) || i.Name.StartsWith("past.", StringComparison.Ordinal)).Select(i => i.Name).ToList();
        var other = runtime.Where(i => i != ids && i.Name != mask && i.Name != positions && !past.Contains(i.Name)).ToList();
        if (other.Count > 0)
        {
            problem = $"runtime input{(other.Count > 1 ? "s" : "")} {string.Join(", ", other.Select(i => $"'{i.Name}'"))} {(other.Count > 1 ? "have" : "has")} no decoder role (token ids, attention_mask, position_ids, past_key_values.N.key/value)";
            return null;
        }
        return new DecoderInputs(ids.Name, mask, positions, past);
    }

    private static bool IsMask(string name) => name.Contains("attention_mask", StringComparison.Ordinal);
    private static bool IsPositions(string name) => name.Contains("position_ids", StringComparison.Ordinal);

    /// <summary>
    /// The graph as pimcc compiles it, one unpadded sequence: the batch axis (the symbol of the token ids' first
    /// axis, wherever a runtime input declares it) fixed to 1, so the exporters' <c>Reshape(x, [batch·seq, hidden])</c>
    /// and head reshapes become linear in the sequence length; and the attention mask's length axis declared
    /// past + seq (optimum names it <c>past_sequence_length + 1</c>, a label for one decode step), since the mask
    /// covers every cached and new position.
    /// </summary>
    public static OnnxGraph OneSequence(OnnxGraph graph)
    {
        var runtime = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        var ids = runtime.FirstOrDefault(i => i.Name == "input_ids");
        if (ids?.Shape is not { Rank: 2 } s) return graph;
        var batch = s.Dims[0].Symbol;
        var seq = s.Dims[1].Symbol;
        var past = runtime.FirstOrDefault(i => i.Name.StartsWith("past_key_values", StringComparison.Ordinal))?.Shape is { Rank: 4 } p ? p.Dims[2].Symbol : null;
        OnnxValueInfo Bind(OnnxValueInfo v)
        {
            if (graph.FindInitializer(v.Name) is not null || v.Shape is not { Rank: > 0 } shape) return v;
            var dims = shape.Dims.ToArray();
            if (batch is { Length: > 0 } && dims[0].Symbol == batch) dims[0] = OnnxDim.Known(1);
            if (IsMask(v.Name) && dims.Length == 2 && seq is { Length: > 0 })
                dims[1] = OnnxDim.Named(past is { Length: > 0 } ? $"{past} + {seq}" : seq);
            return v with { Shape = new OnnxShape(dims) };
        }
        return new OnnxGraph(graph.Name, graph.Nodes, graph.Initializers, [.. graph.Inputs.Select(Bind)], graph.Outputs, graph.ValueInfos);
    }

    /// <summary>The symbol of the sequence length (the token ids' second axis) and of the cached length (the
    /// past keys' third axis), as shape inference names them; null when an axis is fixed.</summary>
    public (string? Seq, string? Past) Symbols(OnnxShapeFacts facts)
    {
        static string? Lone(IReadOnlyList<DimExpr>? shape, int axis) =>
            shape is not null && axis < shape.Count && shape[axis] is { IsConstant: false, Constant: 0, Terms: [(var sym, 1)] } ? sym : null;
        return (Lone(facts.Get(Ids).Shape, 1), Past.Count > 0 ? Lone(facts.Get(Past[0]).Shape, 2) : null);
    }

    /// <summary>The sequence length when the graph fixes it (a decode-step graph's [1, 1] ids, a [1, 8] export).</summary>
    public long? FixedSeq(OnnxShapeFacts facts) => facts.Get(Ids).Shape is { Count: 2 } s ? s[1].TryConstant : null;
}
