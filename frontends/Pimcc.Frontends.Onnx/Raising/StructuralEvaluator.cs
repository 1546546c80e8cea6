using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Reference;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>A value that is not a function of shapes, constants, the attention mask and the positions only.</summary>
internal sealed class NotStructural(string reason) : Exception(reason);

/// <summary>
/// Evaluates a structural value (one computed only from shapes, initializers, the attention mask and
/// the position ids: causal masks, position indices, rotary tables, scale factors) for a concrete
/// sequence length and cached length. The value's producing subgraph is cut out of the graph with
/// every <c>Shape</c> replaced by its inferred dims under those lengths, the attention mask by ones
/// and the position ids by <c>past .. past+seq-1</c> (one unpadded sequence); that small graph is
/// imported node for node and run on the reference interpreter's ONNX kernels. The raiser then
/// checks what the values are (a causal mask? positions plus an offset? cos/sin of θ-frequencies?)
/// instead of matching how an exporter spelled them.
/// </summary>
internal sealed class StructuralEvaluator
{
    private readonly OnnxGraph _graph;
    private readonly OnnxShapeFacts _facts;
    private readonly DecoderInputs _inputs;
    private readonly string? _seq, _past;
    private readonly Dictionary<string, OnnxNode> _producer = new(StringComparer.Ordinal);
    private readonly Dictionary<OnnxNode, int> _order = [];
    private readonly Dictionary<(string, long, long), Tensor> _cache = [];

    public StructuralEvaluator(OnnxGraph graph, OnnxShapeFacts facts, DecoderInputs inputs)
    {
        (_graph, _facts, _inputs) = (graph, facts, inputs);
        (_seq, _past) = inputs.Symbols(facts);
        FixedSeq = inputs.FixedSeq(facts);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            _order[graph.Nodes[i]] = i;
            foreach (var o in graph.Nodes[i].Outputs.Where(o => o.Length > 0)) _producer[o] = graph.Nodes[i];
        }
    }

    /// <summary>True when the graph has a cached-length axis (a with-past export).</summary>
    public bool HasPast => _past is not null;

    /// <summary>The sequence length the graph fixes, or null when it is symbolic.</summary>
    public long? FixedSeq { get; }

    /// <summary>The value of <paramref name="value"/> for <paramref name="seq"/> new and <paramref name="past"/> cached positions.</summary>
    public Tensor Evaluate(string value, long seq, long past)
    {
        if (_cache.TryGetValue((value, seq, past), out var hit)) return hit;
        var bindings = new Dictionary<string, long>(StringComparer.Ordinal);
        if (_seq is not null) bindings[_seq] = seq;
        if (_past is not null) bindings[_past] = past;
        var nodes = new List<OnnxNode>();
        var inits = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([value]);
        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (v.Length == 0 || !seen.Add(v)) continue;
            if (_graph.FindInitializer(v) is { } t)
            {
                // a double constant (a Python float the exporter kept, e.g. torch.where(c, finfo.min, mask)) is cast
                // before use; the IR evaluates it in float32
                inits[v] = t.DataType == OnnxDataType.Double ? new OnnxTensor(v, OnnxDataType.Float, t.Dims, t.ToFloat32()) : t;
                continue;
            }
            // A value an earlier evaluation computed at these lengths (the mask every layer slices) is not recomputed.
            if (v != value && _cache.TryGetValue((v, seq, past), out var known)) { inits[v] = ToOnnx(v, known); continue; }
            if (_producer.TryGetValue(v, out var node))
            {
                if (node.OpType == "Shape") { inits[v] = Ints(v, Bound(_facts.Get(v).Elements, bindings, v)); continue; }
                nodes.Add(node);
                foreach (var i in node.Inputs) stack.Push(i);
                continue;
            }
            inits[v] = RuntimeInput(v, seq, past, bindings);
        }
        nodes.Sort((a, b) => _order[a].CompareTo(_order[b]));
        // Every node output is returned and kept, for later evaluations at the same lengths.
        var outputs = nodes.SelectMany(n => n.Outputs).Where(o => o.Length > 0).Select(o => new OnnxValueInfo(o, _facts.Get(o).ElementType, null)).ToList();
        try
        {
            if (outputs.Count == 0) return _cache[(value, seq, past)] = FromOnnx(inits[value]);
            var sub = new OnnxGraph("structural", nodes, [.. inits.Values], [], outputs, []);
            var facts = OnnxShapeInference.Infer(sub, value);
            var module = OnnxGenericImporter.Import(sub, [], v => OnnxGenericImporter.IrType(facts.Get(v), v, value), "structural", "prefill", value);
            var results = new ReferenceInterpreter(module).Run("prefill", []);
            for (var i = 0; i < outputs.Count; i++) _cache[(outputs[i].Name, seq, past)] = results[i];
        }
        catch (PimccError e) when (e.Code != ExitCode.SizeOverflow)
        {
            throw new NotStructural($"evaluating '{value}' for {seq} new and {past} cached positions failed: {e.Message}");
        }
        return _cache[(value, seq, past)];
    }

    private static long[] Bound(IReadOnlyList<DimExpr>? dims, Dictionary<string, long> bindings, string value)
    {
        if (dims is null) throw new NotStructural($"the shape behind '{value}' is not known");
        return [.. dims.Select(d => d.Evaluate(bindings) ?? throw new NotStructural($"'{value}' depends on a dimension ({d}) that is neither the sequence nor the cached length"))];
    }

    private OnnxTensor RuntimeInput(string name, long seq, long past, Dictionary<string, long> bindings)
    {
        var shape = Bound(_facts.Get(name).Shape, bindings, name);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (name == _inputs.AttentionMask)
            return Typed(name, _facts.Get(name).ElementType, shape, [.. Enumerable.Repeat(1L, (int)count)]);
        if (name == _inputs.PositionIds && count == seq)
            return Typed(name, _facts.Get(name).ElementType, shape, [.. Enumerable.Range(0, (int)seq).Select(i => past + i)]);
        throw new NotStructural($"it depends on the values of the input '{name}'");
    }

    private static OnnxTensor Ints(string name, long[] values) => new(name, OnnxDataType.Int64, [values.Length], values);

    private static OnnxTensor Typed(string name, OnnxDataType type, long[] shape, long[] values) => type switch
    {
        OnnxDataType.Int64 => new(name, type, shape, values),
        OnnxDataType.Int32 => new(name, type, shape, values.Select(v => (int)v).ToArray()),
        OnnxDataType.Bool => new(name, type, shape, values.Select(v => v != 0).ToArray()),
        OnnxDataType.Float => new(name, type, shape, values.Select(v => (float)v).ToArray()),
        _ => throw new NotStructural($"input '{name}' is {type}"),
    };

    private static OnnxTensor ToOnnx(string name, Tensor t) => t.Element switch
    {
        _ when t.Floats is { } f => new(name, OnnxDataType.Float, t.Shape, f),
        _ when t.Bools is { } b => new(name, OnnxDataType.Bool, t.Shape, b),
        Pimcc.Ir.ElementType.I32 => new(name, OnnxDataType.Int32, t.Shape, t.Ints!.Select(v => (int)v).ToArray()),
        Pimcc.Ir.ElementType.I8 => new(name, OnnxDataType.Int8, t.Shape, t.Ints!.Select(v => (sbyte)v).ToArray()),
        _ => new(name, OnnxDataType.Int64, t.Shape, t.Ints!),
    };

    private static Tensor FromOnnx(OnnxTensor t) => t.DataType switch
    {
        OnnxDataType.Float or OnnxDataType.Float16 or OnnxDataType.BFloat16 or OnnxDataType.Double => Tensor.F32([.. t.Dims], t.ToFloat32()),
        OnnxDataType.Bool => Tensor.Bool([.. t.Dims], [.. t.ToInt64().Select(v => v != 0)]),
        _ => Tensor.I64([.. t.Dims], t.ToInt64()),
    };
}
