using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// Walks a prepared (folded, shape-inferred) decoder graph in node order and raises it to transformer-level
/// ops (Raising/README.md): structural values (masks, positions, rotary tables, scales) are evaluated by
/// <see cref="StructuralEvaluator"/> and checked for what they are; element-wise chains are identified by
/// evaluating them (<see cref="Fn"/>); linears, norms, heads and attention follow a few layout rules. The result
/// is a <see cref="RaisedProgram"/>; every node that fits no rule is collected into one <see cref="RaisingFailures"/>.
/// </summary>
internal sealed partial class GraphRaiser
{
    private readonly OnnxGraph _graph;
    private readonly OnnxShapeFacts _facts;
    private readonly Dictionary<string, AbstractValue> _values = new(StringComparer.Ordinal);
    private readonly RaisedProgram _program = new();
    private readonly Dictionary<string, int> _uses = new(StringComparer.Ordinal);
    private OnnxNode _node = null!;

    private readonly StructuralEvaluator _eval;

    private GraphRaiser(OnnxGraph graph, OnnxShapeFacts facts, DecoderInputs inputs)
    {
        _graph = graph;
        _facts = facts;
        _eval = new StructuralEvaluator(graph, facts, inputs);
        // Uses that read values; Shape reads only metadata, so it does not keep a value alive.
        foreach (var n in graph.Nodes.Where(n => n.OpType != "Shape"))
            foreach (var i in n.Inputs.Where(i => i.Length > 0))
                _uses[i] = _uses.GetValueOrDefault(i) + 1;
        foreach (var o in graph.Outputs) _uses[o.Name] = _uses.GetValueOrDefault(o.Name) + 1;
    }

    /// <summary>The nodes reading <paramref name="name"/>'s values (Shape reads only metadata).</summary>
    private List<OnnxNode> Readers(string name) => [.. _graph.Nodes.Where(n => n.OpType != "Shape" && n.Inputs.Contains(name))];

    /// <summary>Raises a full-sequence graph: token ids [1, seq] (with, optionally, an attention mask and position
    /// ids, which structural evaluation binds to one unpadded sequence) in, logits [1, seq, vocab] out.</summary>
    public static RaisedProgram Raise(OnnxPreparedGraph prepared)
    {
        var graph = prepared.Graph;
        var first = graph.Nodes.Count > 0 ? graph.Nodes[0] : new OnnxNode("", "(graph)", "", [], [], []);
        var inputs = DecoderInputs.Find(graph, out var problem) ?? throw new RaisingFailures([new RaisingFailure(first, problem)]);
        // Logits, and with a KV cache one present.N.key/value per past input.
        var logitsOutput = graph.Outputs.FirstOrDefault(o => o.Name == "logits") ?? graph.Outputs[0];
        var present = graph.Outputs.Where(o => o != logitsOutput).ToList();
        if (present.Count != inputs.Past.Count)
            throw new RaisingFailures([new RaisingFailure(first, $"expected the logits and one present key/value per past input ({inputs.Past.Count}), found {graph.Outputs.Count} outputs")]);
        var raiser = new GraphRaiser(graph, prepared.Facts, inputs);
        raiser._values[inputs.Ids] = new Ids();
        foreach (var past in inputs.Past) raiser._values[past] = new PastKv(past);
        foreach (var structural in new[] { inputs.AttentionMask, inputs.PositionIds }.OfType<string>())
            raiser._values[structural] = Structural.Instance;
        var failures = new List<RaisingFailure>();
        foreach (var node in graph.Nodes)
        {
            raiser._node = node;
            try
            {
                if (node.Inputs.Any(i => i.Length > 0 && raiser._values.GetValueOrDefault(i) is Unraised))
                    throw new RaisingFailure(node, "");
                raiser.Visit(node);
            }
            catch (RaisingFailure f)
            {
                // A node reading a stand-in fails because an earlier one did: not reported again.
                var consequence = node.Inputs.Any(i => raiser._values.GetValueOrDefault(i) is Rows { Node.Opcode: "unraised" });
                if (f.Reason.Length > 0 && !consequence && !failures.Any(g => g.Node == f.Node)) failures.Add(f);
                foreach (var o in node.Outputs.Where(o => o.Length > 0)) raiser._values[o] = raiser.StandIn(o);
            }
        }
        var output = logitsOutput.Name;
        if (failures.Count == 0)
        {
            try
            {
                raiser.Materialize(output);
                if (raiser.Get(output) is not Rows { Batched: true })
                    failures.Add(new RaisingFailure(graph.Nodes[^1], $"the output '{output}' is not a raised [1, seq, vocab] value ({raiser.Get(output).GetType().Name})"));
                foreach (var p in present.Where(p => raiser.Get(p.Name) is not Heads { Cached: true }))
                    failures.Add(new RaisingFailure(graph.Nodes[^1], $"the output '{p.Name}' is not a key or value concatenated after its cache ({raiser.Get(p.Name).GetType().Name})"));
            }
            catch (RaisingFailure f)
            {
                failures.Add(f);
            }
        }
        if (failures.Count > 0) throw new RaisingFailures(failures);
        var logits = (Rows)raiser.Get(output);
        raiser._program.Output = logits.Node;
        return raiser._program;
    }

    /// <summary>What an output of a node that was not raised stands for while the rest of the graph is tried: an
    /// activation [1, seq, width] stays an activation (so later layers are still checked and reported), anything
    /// else is <see cref="Unraised"/>. Nothing is emitted once a node failed.</summary>
    private AbstractValue StandIn(string output) =>
        _facts.TryGet(output, out var f) && f.ElementType == OnnxDataType.Float && f.Shape is { Count: 3 } s && s[0].TryConstant == 1 && s[2].TryConstant is { } w
            ? new Rows(new RaisedNode("unraised", [], AttrMap.Empty, output) { Width = w })
            : Unraised.Instance;

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

    /// <summary>A one-element constant: an initializer, a shape value inference knows, or a structural scalar.</summary>
    private double? Scalar(string name)
    {
        if (_graph.FindInitializer(name) is { ElementCount: 1 } t) return t.DataType == OnnxDataType.Bool ? t.ToInt64()[0] : t.ToFloat32()[0];
        if (_facts.TryGet(name, out var f) && f.IsConstant && f.Elements!.Count == 1) return f.Elements[0].Constant;
        if (_values.GetValueOrDefault(name) is Structural && IsScalar(name)) return StructuralScalar(name);
        return null;
    }

    private long[]? Ints(string name)
    {
        if (name.Length == 0) return null;
        if (_graph.FindInitializer(name) is { } t && t.DataType == OnnxDataType.Int64) return t.ToInt64();
        if (_facts.TryGet(name, out var f) && f.IsConstant) return f.ConstantElements();
        return null;
    }

    /// <summary>A node all of whose inputs are structural or initializers computes a structural value, except
    /// where it reads a weight matrix (a tied head's Eᵀ, a projection).</summary>
    private bool IsStructural(OnnxNode node, List<string> ins) =>
        ins.All(i => Get(i) is Structural or Init)
        && !(node.OpType is "Transpose" or "MatMul" or "Gemm" && ins.Any(i => Get(i) is Init { Tensor: { DataType: OnnxDataType.Float, Dims.Count: 2 } }));

    private long LastDim(int output = 0) =>
        FactsOf(output).Shape is { Count: > 0 } s && s[^1].TryConstant is { } d ? d : throw Fail("the last dimension is not a constant");
}
