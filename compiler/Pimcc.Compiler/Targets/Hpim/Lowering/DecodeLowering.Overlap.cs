using Pimcc.Compiler.Targets.Hpim.Passes;
using Pimcc.Ir;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Decode attention overlap (issue 5, "Pipeline scheduling": Q·Kᵀ with V generation). The channels compute K, Q, V
/// back to back (one GEMV batch); the cores no longer wait for V before attention: the V projection's core side
/// (wait for its output event, reduce, gather, reorder, bias) is emitted inside the attention op, after phase 0's
/// scores and softmax and before its S·V (docs/hpim-lowering.md, "Attention overlap").
/// </summary>
internal sealed partial class DecodeLowering
{
    /// <summary>V GEMV op id -> the attention op that gathers it.</summary>
    private readonly Dictionary<string, Operation> _deferredBy = new(StringComparer.Ordinal);

    /// <summary>Attention op id -> the deferred V GEMV.</summary>
    private readonly Dictionary<string, Operation> _deferredV = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _opIndex = new(StringComparer.Ordinal);

    /// <summary>
    /// Defers the core side of every V projection whose only reader is one attention op: a weight GEMV (so HBM-PIM
    /// computes it without the cores) that is not a returned or distributed value.
    /// </summary>
    private void FindDeferredValues(IReadOnlyList<Operation> body, IReadOnlySet<string> returned)
    {
        var uses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in body.SelectMany(op => op.Operands).Where(o => o.Kind == OperandKind.Value))
            uses[o.Name] = uses.GetValueOrDefault(o.Name) + 1;
        var producer = new Dictionary<string, Operation>(StringComparer.Ordinal);
        for (var i = 0; i < body.Count; i++)
        {
            _opIndex[body[i].Id] = i;
            foreach (var r in body[i].Results) producer[r.Name] = body[i];
        }
        foreach (var attn in body.Where(o => o.Opcode == "attention"))
        {
            var v = attn.Operands[2].Name;
            if (producer.TryGetValue(v, out var gemv) && HpimTileWeights.IsWeightLinear(gemv) && uses.GetValueOrDefault(v) == 1
                && !returned.Contains(v) && !_distributed.Contains(gemv.Id) && attn.Operands[0].Name != v && attn.Operands[1].Name != v)
            {
                _deferredBy[gemv.Id] = attn;
                _deferredV[attn.Id] = gemv;
            }
        }
    }

    /// <summary>The V GEMV whose core side <paramref name="attention"/> emits, with its debug id.</summary>
    private (long Id, GemvPlan Plan)? DeferredValue(Operation attention) =>
        _deferredV.TryGetValue(attention.Id, out var v) ? (_idBase + _opIndex[v.Id], GemvPlan.Of(v, _m, _l, _t)) : null;

    /// <summary>
    /// The values an op reads, for liveness: a deferred V GEMV's channels read its input until the attention op
    /// waits for them, so the input stays allocated until then.
    /// </summary>
    private IEnumerable<Operand> LiveUses(Operation op) =>
        _deferredV.TryGetValue(op.Id, out var v) ? [.. op.Operands, v.Operands[0]] : op.Operands;
}
