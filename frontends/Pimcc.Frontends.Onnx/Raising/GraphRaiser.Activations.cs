using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// Element-wise chains over one activation (GELU in erf or tanh form, SiLU as x·sigmoid(x), x² of an
/// RMSNorm, a projection's scale factor, Gemma 2's logit soft cap) are collected as a <see cref="Pointwise"/> function and
/// identified by evaluating it where the chain is consumed, whatever order the exporter wrote it in.
/// </summary>
internal sealed partial class GraphRaiser
{
    /// <summary>Extends a pointwise function when every operand is a function of one activation or a scalar constant.</summary>
    private bool TryPointwise(List<string> ins)
    {
        var op = _node.OpType;
        if (!Fn.IsUnaryOp(op) && !Fn.IsBinaryOp(op)) return false;
        if (ScaledEmbedding(ins)) return true;
        if (Fn.IsUnaryOp(op) && ins.Count == 1 && Of(ins[0]) is ({ } x, { } f))
        {
            Set(new Pointwise(x, new Fn.Unary(op, f), _node, Batched(ins[0])));
            return true;
        }
        if (!Fn.IsBinaryOp(op) || ins.Count != 2) return false;
        var (a, b) = (Of(ins[0]), Of(ins[1]));
        var node = a.X ?? b.X;
        if (node is null || a.F is null || b.F is null || (a.X is not null && b.X is not null && a.X != b.X)) return false;
        Set(new Pointwise(node, new Fn.Binary(op, a.F, b.F), _node, Batched(a.X is not null ? ins[0] : ins[1])));
        return true;
    }

    /// <summary>
    /// A token embedding times a constant (Gemma's <c>hidden_states * normalizer</c>, √hidden) is an embedding of the
    /// scaled table: a copy of the table times the factor in float32, as the graph computes it (<c>source</c>,
    /// <c>source_scale</c>; the HF frontend's <c>.normalized</c> weight), so norms and residuals read a plain activation.
    /// </summary>
    private bool ScaledEmbedding(List<string> ins)
    {
        if (_node.OpType is not ("Mul" or "Div") || ins.Count != 2) return false;
        for (var o = 0; o < 2; o++)
        {
            if (Get(ins[o]) is not Rows { Node: { Opcode: "embedding", Inputs: [IdsRef, WeightRef table] } e } r || _uses.GetValueOrDefault(ins[o]) != 1
                || !IsScalar(ins[1 - o]) || Scalar(ins[1 - o]) is not { } k || (_node.OpType == "Div" && o == 1) || k == 0) continue;
            var factor = (float)(_node.OpType == "Mul" ? k : 1 / k);
            var w = _program.Weights.Single(x => x.Name == table.Name);
            var values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(w.Data.AsSpan()).ToArray();
            for (var i = 0; i < values.Length; i++) values[i] = _node.OpType == "Mul" ? values[i] * (float)k : values[i] / (float)k;
            var scaled = _program.AddWeight(new Weight(w.Name + ".normalized", w.Type, WeightBytes.F32(values), AttrMap.Empty
                .Set("source", w.Attrs.ContainsKey("onnx_initializer") ? w.Attrs.Str("onnx_initializer") : w.Name).Set("source_scale", (double)factor)));
            _program.Nodes.Remove(e);
            Set(new Rows(Emit("embedding", [IdsRef.Instance, new WeightRef(scaled)], AttrMap.Empty, e.Width), r.Batched));
            return true;
        }
        return false;
    }

    /// <summary>An operand as (activation, function of it), or (null, constant) for a scalar constant, or (null, null).</summary>
    private (RaisedNode? X, Fn? F) Of(string name) => Get(name) switch
    {
        Rows r => (r.Node, Fn.X),
        Pointwise p => (p.X, p.F),
        Init or Structural when IsScalar(name) && Scalar(name) is { } k => (null, new Fn.Const(k)),
        _ => (null, null),
    };

    private bool Batched(string name) => Get(name) switch { Rows r => r.Batched, Pointwise p => p.Batched, _ => true };

    private bool IsScalar(string name) => _facts.TryGet(name, out var f) && f.Shape is { } s && s.All(d => d.TryConstant == 1);

    /// <summary>Replaces a pointwise value by what it is: the activation itself, a scaled activation, or one
    /// relu/silu/gelu/soft_cap op (emitted once, at its first consumer).</summary>
    private void Materialize(string name)
    {
        if (Get(name) is not Pointwise p) return;
        if (p.F.Matches(x => x)) _values[name] = new Rows(p.X, p.Batched);
        else if (p.F.Scale() is { } k) _values[name] = new ScaledRows(p.X, k);
        else if (p.F.Activation() is var (opcode, approximate))
        {
            var attrs = approximate is null ? AttrMap.Empty : AttrMap.Empty.Set("approximate", approximate);
            _values[name] = new Rows(Emit(opcode, [p.X], attrs, p.X.Width), p.Batched);
        }
        else if (p.F.SoftCap() is { } cap)
            _values[name] = new Rows(Emit("soft_cap", [p.X], AttrMap.Empty.Set("cap", cap), p.X.Width), p.Batched);
        else throw new RaisingFailure(p.Last, $"the element-wise function of '{p.X.Name}' computed up to '{name}' is none of relu, silu, gelu (erf or tanh), a soft cap or a scale");
    }
}
