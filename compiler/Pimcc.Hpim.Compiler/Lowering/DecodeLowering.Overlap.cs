using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Decode attention overlap (issue 5, "Pipeline scheduling"). Q·Kᵀ with V generation: the channels compute K, Q, V
/// back to back (one GEMV batch); the cores no longer wait for V before attention: the V projection's core side
/// (wait for its output event, reduce, gather, reorder, bias) is emitted inside the attention op, after phase 0's
/// scores and softmax and before its S·V. S·V with the next head group: when <c>hpim-schedule</c> marks the batch
/// <c>sched.round_major</c>, the channels run K_r, Q_r, V_r round by round with one output event per round, and the
/// attention op gathers each round's K and Q before the first phase that needs them and V before that phase's S·V,
/// so round r + 1's GEMVs overlap round r's attention (docs/hpim-lowering.md, "Attention overlap").
/// </summary>
internal sealed partial class DecodeLowering
{
    /// <summary>V GEMV op id -> the attention op that gathers it.</summary>
    private readonly Dictionary<string, Operation> _deferredBy = new(StringComparer.Ordinal);

    /// <summary>Attention op id -> the deferred V GEMV.</summary>
    private readonly Dictionary<string, Operation> _deferredV = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _opIndex = new(StringComparer.Ordinal);

    /// <summary>Attention op id -> its round-major K/Q/V batch in batch (slot) order; GEMV op id -> the same batch.</summary>
    private readonly Dictionary<string, Operation[]> _roundMajor = new(StringComparer.Ordinal);

    /// <summary>
    /// Round-major batches (<see cref="HpimAttrs.RoundMajor"/>, written by hpim-schedule on the attention op and the
    /// three GEMVs just before it): every GEMV's core side moves into the attention op.
    /// </summary>
    private void FindRoundMajor(IReadOnlyList<Operation> body)
    {
        for (var i = 3; i < body.Count; i++)
        {
            if (body[i].Opcode != "attention" || !body[i].Attrs.ContainsKey(HpimAttrs.RoundMajor)) continue;
            var batch = body.Skip(i - 3).Take(3).OrderBy(o => _batch[o.Id].Slot).ToArray();
            if (!batch.All(o => HpimTileWeights.IsWeightLinear(o) && o.Attrs.ContainsKey(HpimAttrs.RoundMajor) && _batch[o.Id].Batch == 3))
                throw new InvalidOperationException($"{body[i].Id}: {HpimAttrs.RoundMajor} needs the three K/Q/V GEMVs of one batch right before it");
            _roundMajor[body[i].Id] = batch;
            foreach (var g in batch)
            {
                _roundMajor[g.Id] = batch;
                _deferredBy[g.Id] = body[i];
            }
        }
    }

    /// <summary>
    /// Row groups a channel computes in round <paramref name="round"/> of a round-major GEMV: [⌈offset_r / banks⌉,
    /// ⌈offset_r+1 / banks⌉), the last round up to all groups. A group that straddles two rounds runs with the
    /// earlier one, so every group runs once and every round's features are there when its event fires.
    /// </summary>
    private (int First, int End) RoundGroups(GemvPlan g, int round)
    {
        var rounds = g.Heads!.Rounds.Length;
        var first = (int)HbmRowBudget.Ceil(g.RoundOffsets[round], _l.Banks);
        var end = round == rounds - 1 ? g.Groups(_l) : (int)HbmRowBudget.Ceil(g.RoundOffsets[round + 1], _l.Banks);
        return (first, Math.Max(first, end));
    }

    /// <summary>Channel-local features [offset_r, offset_r+1) of round <paramref name="round"/> (the last round up to all).</summary>
    private static (int Lo, int Hi) RoundFeatures(GemvPlan g, int round) =>
        (g.RoundOffsets[round], round == g.Heads!.Rounds.Length - 1 ? g.FeaturesPerChannel : g.RoundOffsets[round + 1]);

    /// <summary>
    /// One channel's round-major batch: per round r, per GEMV (K, Q, V) the round's row groups and then its output
    /// event (slot x rounds + r); the input-ready waits stay one per GEMV, at round 0.
    /// </summary>
    private void RoundMajorChannel(ChannelCode ch, Operation[] batch)
    {
        var plans = batch.Select(o => GemvPlan.Of(o, _m, _l, _t)).ToArray();
        var rounds = plans[0].Heads!.Rounds.Length;
        var owner = _t.Hbm.ChannelOwner[ch.Channel];
        for (var r = 0; r < rounds; r++)
            for (var s = 0; s < plans.Length; s++)
            {
                var g = plans[s];
                ch.BeginOp(_idBase + _opIndex[g.Op.Id], g.Op.Id);
                if (r == 0) ch.C("wait", Events.InputReady(ch.Channel), 1);
                var (first, end) = RoundGroups(g, r);
                GemvGroups(ch, g, Addr(g.Op.Operands[0]), first, end);
                ch.C("sig", Events.OutputReady(_l.Channels, owner, s * rounds + r), 1);
            }
    }

    /// <summary>Round of the round-major batch that holds query head <paramref name="head"/>.</summary>
    private static int RoundOf(GemvPlan g, long head)
    {
        for (var r = 0; r < g.Heads!.Rounds.Length; r++)
            if (head < g.Heads.Rounds[r].FirstHead + g.Heads.Rounds[r].Heads) return r;
        throw new InvalidOperationException($"head {head} is in no round of {g.Op.Id}");
    }

    /// <summary>Emits the core side of round <paramref name="round"/> of the given GEMVs, each under its own debug id.</summary>
    private void RoundCore(CoreCode c, IEnumerable<GemvPlan> plans, int round, Operation attention)
    {
        foreach (var g in plans)
        {
            c.BeginOp(_idBase + _opIndex[g.Op.Id], g.Op.Id);
            GemvCore(c, g, round);
        }
        c.BeginOp(_idBase + _opIndex[attention.Id], attention.Id);
    }

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
