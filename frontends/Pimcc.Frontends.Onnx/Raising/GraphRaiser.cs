using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// Walks a prepared (folded, shape-inferred) decoder graph in node order and recognises the
/// transformer blocks torch.onnx exports spell out (patterns as exported by the bundled samples'
/// generator, which follows modeling_opt.py / modeling_gpt2.py / modeling_llama.py): embeddings
/// (+ learned positions), LayerNormalization, decomposed RMSNorm, MatMul(+bias Add) with weight
/// initializers as linear, split-heads attention with scale, causal mask, softmax and GQA
/// repeat_kv as one attention op, rotate-half RoPE, ReLU/GELU(erf, tanh)/SiLU, residual adds.
/// The result is a <see cref="RaisedProgram"/>; the first node that fits no rule is thrown as a
/// <see cref="RaisingFailure"/>.
/// </summary>
internal sealed partial class GraphRaiser
{
    private readonly OnnxGraph _graph;
    private readonly OnnxShapeFacts _facts;
    private readonly Dictionary<string, AbstractValue> _values = new(StringComparer.Ordinal);
    private readonly RaisedProgram _program = new();
    private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);
    private OnnxNode _node = null!;

    private GraphRaiser(OnnxGraph graph, OnnxShapeFacts facts)
    {
        _graph = graph;
        _facts = facts;
        // Uses that read values; Shape reads only metadata, so it does not keep a value alive.
        foreach (var n in graph.Nodes.Where(n => n.OpType != "Shape"))
            foreach (var i in n.Inputs.Where(i => i.Length > 0))
                _uses[i] = _uses.GetValueOrDefault(i) + 1;
        foreach (var o in graph.Outputs) _uses[o.Name] = _uses.GetValueOrDefault(o.Name) + 1;
    }

    /// <summary>Raises a full-sequence graph: one runtime input (token ids [1, seq]) and logits [1, seq, vocab].</summary>
    public static RaisedProgram Raise(OnnxPreparedGraph prepared)
    {
        var graph = prepared.Graph;
        var raiser = new GraphRaiser(graph, prepared.Facts);
        var runtime = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        var first = graph.Nodes.Count > 0 ? graph.Nodes[0] : new OnnxNode("", "(graph)", "", [], [], []);
        if (runtime.Count != 1 || runtime[0].ElementType != OnnxDataType.Int64)
            throw new RaisingFailure(first, $"expected one int64 token-id input, found {runtime.Count} runtime inputs (KV-cache graphs are not raised; their decode step is derived)");
        if (graph.Outputs.Count != 1)
            throw new RaisingFailure(first, $"expected one output (logits), found {graph.Outputs.Count}");
        raiser._values[runtime[0].Name] = new Ids();
        foreach (var node in graph.Nodes)
        {
            raiser._node = node;
            raiser.Visit(node);
        }
        var output = graph.Outputs[0].Name;
        if (raiser.Get(output) is not Rows { Batched: true } logits)
            throw new RaisingFailure(graph.Nodes[^1], $"the output '{output}' is not a raised [1, seq, vocab] value ({raiser.Get(output).GetType().Name})");
        raiser._program.Output = logits.Node;
        return raiser._program;
    }

    private AbstractValue Get(string name)
    {
        if (_values.TryGetValue(name, out var v)) return v;
        if (_graph.FindInitializer(name) is { } t) return _values[name] = new Init(t);
        throw new RaisingFailure(_node, $"input '{name}' has no known value");
    }

    private void Set(AbstractValue v, int output = 0) => _values[_node.Outputs[output]] = v;

    private RaisingFailure Fail(string reason) => new(_node, reason);

    private ValueFacts FactsOf(int output = 0) => _facts.Get(_node.Outputs[output]);

    private RaisedNode Emit(string opcode, IReadOnlyList<object> inputs, AttrMap attrs, long width)
    {
        var n = new RaisedNode(opcode, inputs, attrs, NameFor(_node)) { Width = width };
        n.Sources.Add(_node.Name.Length > 0 ? _node.Name : _node.Outputs[0]);
        _program.Nodes.Add(n);
        return n;
    }

    /// <summary>"/layers.0/q_proj/MatMul" -> "layers.0.q_proj.MatMul": the exporter's module path, IR-bare.</summary>
    internal static string NameFor(OnnxNode node)
    {
        var raw = node.Name.Length > 0 ? node.Name : node.Outputs[0];
        var chars = raw.TrimStart('/').Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '.').ToArray();
        return new string(chars).Trim('.');
    }

    /// <summary>A one-element constant (initializer or a shape value inference knows).</summary>
    private double? Scalar(string name)
    {
        if (_graph.FindInitializer(name) is { ElementCount: 1 } t) return t.ToFloat32()[0];
        if (_facts.TryGet(name, out var f) && f.IsConstant && f.Elements!.Count == 1) return f.Elements[0].Constant;
        return null;
    }

    private long[]? Ints(string name)
    {
        if (name.Length == 0) return null;
        if (_graph.FindInitializer(name) is { } t && t.DataType == OnnxDataType.Int64) return t.ToInt64();
        if (_facts.TryGet(name, out var f) && f.IsConstant) return f.ConstantElements();
        return null;
    }

    /// <summary>An integer or bool scalar or vector: what shape arithmetic computes (masks are rank 2).</summary>
    private bool IsShapeVector(string value) =>
        _facts.TryGet(value, out var f) && f.ElementType is OnnxDataType.Int64 or OnnxDataType.Int32 or OnnxDataType.Bool && f.Rank is 0 or 1;

    private bool IsShapeLike(string input) =>
        input.Length == 0 || Get(input) is ShapeArith || (Get(input) is Init i && i.Tensor.DataType != OnnxDataType.Float);

    private long LastDim(int output = 0) =>
        FactsOf(output).Shape is { Count: > 0 } s && s[^1].TryConstant is { } d ? d : throw Fail("the last dimension is not a constant");
}
