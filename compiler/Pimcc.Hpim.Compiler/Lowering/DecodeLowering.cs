using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Lowers the <c>decode</c> function: weight GEMVs become HBM-PIM command programs on every channel (chunk-outer,
/// partial sums reduced on the owning core), everything else runs on every core (each keeps a replica of the
/// residual stream), attention runs per head group on the cores the attention mapping gave it. The cores run
/// the decoder layers as one counted loop when the layers repeat with a constant HBM row stride.
/// See docs/hpim-lowering.md for the protocol and the buffer layouts.
/// </summary>
internal sealed partial class DecodeLowering
{
    private static readonly long Set = SramFormats.SetMode, Acc = SramFormats.AccMode;
    /// <summary>dtype operand of every data-path instruction: the target's datapath element type.</summary>
    private readonly long _dt;
    private readonly Module _m;
    private readonly HpimTarget _t;
    private readonly HbmLayout _l;
    private readonly LocalBuffers _buf;
    private readonly CoreCode[] _cores;
    private readonly ChannelCode[] _chans;
    private readonly Constants _consts;
    private readonly Dictionary<string, long> _addr = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Reg, long Add)> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _linearTables;
    private readonly int _idBase;
    private readonly string _program;
    private Dictionary<string, string> _canon = new(StringComparer.Ordinal);
    private long _partStride;
    private readonly Dictionary<string, (int Slot, int Batch)> _batch = new(StringComparer.Ordinal);
    private long _part, _gath, _red, _stage, _stage2, _scores, _outh, _gathAtt, _scalar, _vec, _headTile;
    private readonly Dictionary<string, TensorType> _types = new(StringComparer.Ordinal);
    // Returned tensor-wise GEMV outputs (the logits): each core keeps its own channels' slice instead of
    // all-gathering a vocabulary-sized vector that no later op reads.
    private readonly HashSet<string> _distributed = new(StringComparer.Ordinal);
    // Those outputs and the soft_cap results computed in place on them: elements of each core's slice.
    private readonly Dictionary<string, long> _distributedValues = new(StringComparer.Ordinal);

    private IReadOnlyList<Operation> _body = [];

    private long VMacroBase => _t.Sram.PimUnit.CapacityBytes / 2;

    public DecodeLowering(Module m, HpimTarget t, HbmLayout l, CoreCode[] cores, ChannelCode[] chans, Constants consts, string program, int idBase)
    {
        _m = m;
        _t = t;
        _l = l;
        _cores = cores;
        _chans = chans;
        _consts = consts;
        _program = program;
        _idBase = idBase;
        _dt = SramFormats.DataTypeOfElement(t.ElementBytes);
        _buf = new LocalBuffers(t, program, consts.ReservedBytes);
        _linearTables = m.Functions.SelectMany(f => f.Body).Where(HpimTileWeights.IsWeightLinear)
            .Select(o => o.Operands[1].Name).ToHashSet(StringComparer.Ordinal);
    }

    public LocalBuffers Buffers => _buf;

    /// <summary>Whether the cores ran the layers as a loop (for statistics and tests).</summary>
    public LayerLoop? Loop { get; private set; }

    public void Emit(Function f)
    {
        var body = f.Body;
        _body = body;
        foreach (var v in f.Values) _types[v.Name] = v.Type;
        var returned = f.Returns.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        ReturnedLogits.RefuseBiasedHead(_m, f);
        var logits = ReturnedLogits.SoftCapped(f);
        foreach (var op in body)
            if (HpimTileWeights.IsWeightLinear(op) && logits.Contains(op.Result.Name)
                && op.Attrs.StrOr(HpimAttrs.Tiling, "tp") == "tp")
            {
                _distributed.Add(op.Id);
                _distributedValues[op.Result.Name] = (long)ChannelsPerCore() * GemvPlan.Of(op, _m, _l, _t).FeaturesPerChannel;
            }
            else if (op.Opcode == "soft_cap" && logits.Contains(op.Result.Name) && _distributedValues.TryGetValue(op.Operands[0].Name, out var n))
                _distributedValues[op.Result.Name] = n;
        FindDeferredValues(body, returned);
        Loop = LayerLoop.Find(f, candidate => LayerAddressesAreAffine(body, candidate, out _, out _));
        var order = Loop is { } lp ? [.. body.Take(lp.Start + lp.Period), .. body.Skip(lp.End)] : body.ToList();
        _canon = Loop?.CanonicalNames(body) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        AllocateScratch(body);
        FindRoundMajor(body);
        PlanValues(order, Loop?.CarriedValues(body) ?? []);

        foreach (var c in _cores) c.Entry(_program);
        foreach (var ch in _chans) ch.Entry(_program);
        foreach (var c in _cores)
        {
            c.Li(Reg.LayerOffset, 0);
            c.Li(Reg.KvLayerOffset, 0);
        }
        RopePrologue(body);
        if (Loop is not { } loop)
        {
            for (var i = 0; i < body.Length; i++) EmitOp(body[i], i, cores: true, channels: true);
        }
        else
        {
            for (var i = 0; i < loop.Start; i++) EmitOp(body[i], i, true, true);
            LayerAddressesAreAffine(body, loop, out var stride, out var kvStride);
            foreach (var c in _cores) c.LiLayerCounter(Reg.LayerCounter, loop.Count);
            var tops = _cores.Select(c => c.Count).ToArray();
            for (var k = 0; k < loop.Period; k++) EmitOp(body[loop.Start + k], loop.Start + k, cores: true, channels: false);
            for (var ci = 0; ci < _cores.Length; ci++)
            {
                var c = _cores[ci];
                c.EndOp();
                c.Li(Reg.T0, stride);
                c.I("add", Reg.LayerOffset, Reg.LayerOffset, Reg.T0);
                c.Li(Reg.T0, kvStride);
                c.I("add", Reg.KvLayerOffset, Reg.KvLayerOffset, Reg.T0);
                c.I("loop", Reg.LayerCounter, tops[ci] - c.Count);
            }
            // Channels run every layer's GEMVs unrolled: a rep row stride (8 bits) cannot span a layer.
            var starts = _chans.Select(_ => new List<int>()).ToArray();
            for (var i = loop.Start; i < loop.End; i++)
            {
                if ((i - loop.Start) % loop.Period == 0)
                    for (var ch = 0; ch < _chans.Length; ch++) starts[ch].Add(_chans[ch].Count);
                EmitOp(body[i], i, cores: false, channels: true);
            }
            for (var ch = 0; ch < _chans.Length; ch++)
            {
                starts[ch].Add(_chans[ch].Count);
                _chans[ch].DeclareLayerBlocks(starts[ch]);
            }
            foreach (var c in _cores)
            {
                c.Li(Reg.LayerOffset, 0);
                c.Li(Reg.KvLayerOffset, 0);
            }
            for (var i = loop.End; i < body.Length; i++) EmitOp(body[i], i, true, true);
        }
        foreach (var c in _cores)
        {
            c.EndOp();
            c.I("halt");
        }
        foreach (var ch in _chans) ch.EndOp();
    }

    private string Canon(string name) => _canon.GetValueOrDefault(name, name);

    private long Addr(Operand o) => _addr[Canon(o.Name)];

    private long Addr(Value v) => _addr[Canon(v.Name)];

    // ---------------------------------------------------------------- planning

    /// <summary>
    /// Core-side HBM objects of each layer must move by one row stride per layer: one stride for the weights the
    /// cores read (norm weights, biases), one for the KV caches.
    /// </summary>
    private bool LayerAddressesAreAffine(IReadOnlyList<Operation> body, LayerLoop loop, out long weightStride, out long kvStride)
    {
        var strides = new long?[2];
        weightStride = kvStride = 0;
        for (var k = 0; k < loop.Period; k++)
        {
            var rows = Enumerable.Range(0, loop.Count).Select(i => CoreHbmAddresses(body[loop.Start + i * loop.Period + k])).ToList();
            for (var i = 1; i < loop.Count; i++)
            {
                if (rows[i].Count != rows[0].Count) return false;
                for (var j = 0; j < rows[0].Count; j++)
                {
                    var (kind, r0) = rows[0][j];
                    var d = rows[i][j].Address - r0;
                    if (d % i != 0 || (strides[kind] is { } st && st != d / i)) return false;
                    strides[kind] = d / i;
                }
            }
        }
        weightStride = strides[0] ?? 0;
        kvStride = strides[1] ?? 0;
        return weightStride is >= 0 and <= uint.MaxValue && kvStride is >= 0 and <= uint.MaxValue;
    }

    /// <summary>(0 weight / 1 KV cache, in-channel byte address) of every HBM object an op's core code reads.</summary>
    private List<(int Kind, long Address)> CoreHbmAddresses(Operation op)
    {
        var rows = new List<(int, long)>();
        if (op.Opcode == "attention") rows.Add((1, _l.RowAddress(HbmLayout.Row(_m.FindKvCache(op.Attrs.Str("cache"))!))));
        else
            for (var j = 0; j < op.Operands.Length; j++)
                if (op.Operands[j].Kind == OperandKind.Weight && !(HpimTileWeights.IsWeightLinear(op) && j == 1))
                    rows.Add((0, _l.Address(_m.FindWeight(op.Operands[j].Name)!)));
        return rows;
    }

    private long ElementsOf(Value v) => v.Type.ElementCount.Constant;

    private long BytesOf(Value v) => ElementsOf(v) * _l.Element;

    private void AllocateScratch(IReadOnlyList<Operation> body)
    {
        var gemvs = body.Where(HpimTileWeights.IsWeightLinear).Select(o => GemvPlan.Of(o, _m, _l, _t)).ToList();
        var perCore = ChannelsPerCore();
        long part = 0, gath = 0, red = 0, vec = 0;
        foreach (var g in gemvs)
        {
            part = Math.Max(part, perCore * g.PartialBytesPerChannel(_l, perCore));
            red = Math.Max(red, (long)perCore * g.FeaturesPerChannel * _l.Element);
            if (!_distributed.Contains(g.Op.Id)) gath = Math.Max(gath, (long)_l.Channels * g.FeaturesPerChannel * _l.Element);
            // a returned head's striped bias needs only the core's channels' shares (ReturnedLogits.AddStripedBias)
            if (g.Op.Operands.Length > 2 && !_distributed.Contains(g.Op.Id)) vec = Math.Max(vec, g.Features * (long)_l.Element);
        }
        foreach (var op in body)
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Weight && !(HpimTileWeights.IsWeightLinear(op) && o == op.Operands[1])))
            {
                var w = _m.FindWeight(o.Name)!;
                if (w.Type.Rank == 1) vec = Math.Max(vec, _l.LoadedBytes(w, perCore));
            }
        // GEMVs that read the same input back to back (K, Q, V) form a batch: the core hands all of them to the
        // channels at once and each gets its own partial-sum slot, so HBM-PIM computes Q while the core gathers K.
        var maxBatch = 1;
        for (var i = 0; i < body.Count;)
        {
            var j = i;
            while (j < body.Count && HpimTileWeights.IsWeightLinear(body[j]) && body[j].Operands[0] == body[i].Operands[0] && j - i < Events.MaxBatch) j++;
            if (j == i) { i++; continue; }
            for (var k = i; k < j; k++) _batch[body[k].Id] = (k - i, j - i);
            maxBatch = Math.Max(maxBatch, j - i);
            i = j;
        }
        _partStride = LocalBuffers.Round(part);
        _part = _buf.Allocate("gemv.partials", _partStride * maxBatch, RegionKind.Scratch);
        _red = _buf.Allocate("gemv.reduced", red, RegionKind.Scratch);
        _gath = _buf.Allocate("gemv.gathered", gath, RegionKind.Scratch);
        _vec = _buf.Allocate("weight.vectors", 2 * vec, RegionKind.Scratch);
        _scalar = _buf.Allocate("scalars", 8 * LocalBuffers.Align, RegionKind.Scratch);
        var tile = gemvs.Where(g => g.Heads is not null).Select(g => g.Heads!.Rounds.Max(r => (long)r.ChannelsPerHead * HbmRowBudget.Ceil(g.Heads.HeadDim, r.ChannelsPerHead)))
            .DefaultIfEmpty(0).Max();
        _headTile = _buf.Allocate("gemv.head_tile", tile * _l.Element, RegionKind.Scratch);
        AllocateRopeScratch(body);
        var attn = body.Where(o => o.Opcode == "attention").ToList();
        if (attn.Count > 0)
        {
            var d = attn.Max(o => o.Attrs.Int("head_dim"));
            var blockBytes = _l.KvBlockPositions(d) * d * _l.Element;
            var maxPos = attn.Max(o => MaxLocalPositions(o));
            _stage = _buf.Allocate("attention.stage", blockBytes, RegionKind.Scratch);
            _stage2 = _buf.Allocate("attention.stage_t", blockBytes, RegionKind.Scratch);
            _scores = _buf.Allocate("attention.scores", maxPos * _l.Element, RegionKind.Scratch);
            _outh = _buf.Allocate("attention.head_out", d * _l.Element, RegionKind.Scratch);
            _gathAtt = _buf.Allocate("attention.gathered", _cores.Length * d * _l.Element, RegionKind.Scratch);
            var macroNeed = 2 * maxPos * d * _l.Element;
            if (macroNeed > 2 * VMacroBase)
                throw new PimccError(ExitCode.CapacityExceeded, $"{_program}: attention",
                    $"keys and values of one core's share of the KV cache need {macroNeed} bytes of PIM macros, a core has {_t.Sram.PimUnit.CapacityBytes}",
                    "use fewer tokens (--prompt-tokens/--gen-tokens) or more cores per head");
        }
    }

    /// <summary>Positions one core holds at most: its share of the KV blocks, rounded to whole blocks.</summary>
    private long MaxLocalPositions(Operation attn)
    {
        var cache = _m.FindKvCache(attn.Attrs.Str("cache"))!;
        var p = _l.KvBlockPositions(attn.Attrs.Int("head_dim"));
        var blocks = HbmRowBudget.Ceil(cache.MaxLength, p);
        var cph = attn.Attrs.Ints(HpimAttrs.CoresPerHead).Min();
        return HbmRowBudget.Ceil(blocks, cph) * p;
    }

    // Asked per channel and GEMV; the channel ownership it checks is the target's, so it is worked out once.
    private int? _channelsPerCore;

    private int ChannelsPerCore() => _channelsPerCore ??= CheckedChannelsPerCore();

    private int CheckedChannelsPerCore()
    {
        var owners = _t.Hbm.ChannelOwner;
        var per = _t.Hbm.ChannelsOfCore(0).Count;
        for (var core = 0; core < _cores.Length; core++)
        {
            var chs = _t.Hbm.ChannelsOfCore(core);
            if (chs.Count != per || chs.Any(c => c / per != core))
                throw new PimccError(ExitCode.InvalidTargetDescription, "hbm.channelToCore",
                    $"the hpim lowering gathers GEMV results in channel order and needs core c to own channels [c x k, (c + 1) x k); core {core} owns [{string.Join(", ", chs)}]",
                    "use hbm.channelToCore=contiguous with a channel count that is a multiple of the core count");
        }
        if (per == 0 || owners.Count != _l.Channels)
            throw new PimccError(ExitCode.InvalidTargetDescription, "hbm.channelToCore", "every core must own at least one channel", "use at least as many channels as cores");
        return per;
    }

    /// <summary>First-fit buffers for IR values with liveness; carried layer values share one pinned buffer.</summary>
    private void PlanValues(List<Operation> order, List<(string Carried, string Outside)> carried)
    {
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        var alias = new Dictionary<string, string>(StringComparer.Ordinal);
        var pinned = new HashSet<string>(carried.Select(c => c.Outside), StringComparer.Ordinal);
        if (Loop is { } lp)
        {
            var before = new HashSet<string>(order.Take(lp.Start).SelectMany(o => o.Results.Select(r => r.Name)), StringComparer.Ordinal);
            foreach (var o in order.Skip(lp.Start).Take(lp.Period).SelectMany(o => o.Operands))
                if (o.Kind == OperandKind.Value && before.Contains(o.Name)) pinned.Add(o.Name);
        }
        foreach (var (c, o) in carried) alias[c] = o;
        string Root(string n) => alias.TryGetValue(n, out var a) ? Root(a) : n;
        for (var i = 0; i < order.Count; i++)
        {
            var op = order[i];
            if (op.Opcode is "last_token" or "reshape" || (op.Opcode == "cast" && op.Result.Type.Element == _types[op.Operands[0].Name].Element)
                || (op.Opcode == "soft_cap" && _distributedValues.ContainsKey(op.Result.Name)))
                alias[op.Result.Name] = Canon(op.Operands[0].Name);
            foreach (var o in LiveUses(op).Where(o => o.Kind == OperandKind.Value)) lastUse[Root(Canon(o.Name))] = i;
        }
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        void FreeDead(Operation op, int i)
        {
            foreach (var o in LiveUses(op).Where(o => o.Kind == OperandKind.Value))
            {
                var root = Root(Canon(o.Name));
                if (lastUse.GetValueOrDefault(root, -1) == i && !pinned.Contains(root) && sizes.Remove(root, out var sz))
                    _buf.Free(_addr[root], sz);
            }
        }
        for (var i = 0; i < order.Count; i++)
        {
            var op = order[i];
            // Element-wise, norm and GEMV results may overwrite an input that dies here; attention may not
            // (it writes head groups while later groups still read the query).
            if (op.Opcode != "attention") FreeDead(op, i);
            foreach (var r in op.Results)
            {
                if (op.Opcode == "position_ids") continue;
                var root = Root(r.Name);
                if (root != r.Name)
                {
                    if (_addr.TryGetValue(root, out var a)) _addr[r.Name] = a;
                    else if (alias.ContainsKey(r.Name) && carried.Any(c => c.Carried == r.Name)) { /* outside value not yet placed */ }
                    continue;
                }
                var bytes = _distributed.Contains(op.Id)
                    ? (long)ChannelsPerCore() * GemvPlan.Of(op, _m, _l, _t).FeaturesPerChannel * _l.Element
                    : BytesOf(r) + Padding(op);
                _addr[r.Name] = _buf.Allocate($"{r.Name}", bytes);
                sizes[r.Name] = bytes;
                foreach (var (c, o) in carried.Where(c => c.Outside == r.Name)) _addr[c] = _addr[r.Name];
            }
            if (op.Opcode == "attention") FreeDead(op, i);
        }
        foreach (var (c, _) in carried) _addr[c] = _addr[Root(c)];
    }

    /// <summary>Head-wise outputs are reordered per head in whole N_ch x ceil(d / N_ch) tiles, which may overrun d.</summary>
    private long Padding(Operation op)
    {
        if (!HpimTileWeights.IsWeightLinear(op) || op.Attrs.StrOr(HpimAttrs.Tiling, "tp") != "hp") return _l.Column;
        var g = GemvPlan.Of(op, _m, _l, _t);
        return g.Heads!.Rounds.Max(r => (long)r.ChannelsPerHead * HbmRowBudget.Ceil(g.Heads.HeadDim, r.ChannelsPerHead)) * _l.Element + _l.Column;
    }

    // ---------------------------------------------------------------- ops

    private void EmitOp(Operation op, int index, bool cores, bool channels)
    {
        var id = _idBase + index;
        var name = op.Id;
        if (cores) foreach (var c in _cores) c.BeginOp(id, name);
        if (channels && HpimTileWeights.IsWeightLinear(op) && !_roundMajor.ContainsKey(op.Id)) foreach (var ch in _chans) ch.BeginOp(id, name);
        switch (op.Opcode)
        {
            case "position_ids":
                var start = op.Attrs.Expr("start");
                var kvTerm = start.Terms.Count == 1 && start.Terms.ContainsKey("kv") && start.Terms["kv"] == 1;
                if (!start.IsConstant && !kvTerm)
                    throw Unsupported(op, $"position start '{start}' is neither a constant nor kv + constant");
                _index[op.Result.Name] = (start.IsConstant ? Reg.Zero : Reg.Kv, start.Constant + op.Attrs.IntOr("offset", 0));
                break;
            case "embedding":
                if (cores) foreach (var c in _cores) Embedding(c, op);
                break;
            case "linear" when HpimTileWeights.IsWeightLinear(op):
                var g = GemvPlan.Of(op, _m, _l, _t);
                if (channels && _roundMajor.TryGetValue(op.Id, out var batch))
                {
                    if (batch[0] == op) foreach (var ch in _chans) RoundMajorChannel(ch, batch);
                }
                else if (channels) foreach (var ch in _chans) GemvChannel(ch, g, Addr(op.Operands[0]));
                if (cores) foreach (var c in _cores) GemvSignal(c, g);
                if (cores && !_deferredBy.ContainsKey(op.Id)) foreach (var c in _cores) GemvCore(c, g);
                break;
            case "add" or "sub" or "mul" or "div":
                if (cores) foreach (var c in _cores) Binary(c, op);
                break;
            case "layer_norm" or "rms_norm":
                if (cores) foreach (var c in _cores) Norm(c, op);
                break;
            case "relu" or "gelu" or "silu":
                if (cores) foreach (var c in _cores) Unary(c, op);
                break;
            case "soft_cap":
                if (cores) foreach (var c in _cores) SoftCap(c, op);
                break;
            case "attention":
                if (cores) foreach (var c in _cores) Attention(c, op);
                break;
            case "rotary":
                if (cores) foreach (var c in _cores) Rotary(c, op);
                break;
            case "last_token" or "reshape":
                break;
            case "cast" when Addr(op.Result) == Addr(op.Operands[0]):
                break;
            default:
                throw Unsupported(op, $"the hpim lowering has no {_program} code for '{op.Opcode}'");
        }
    }

    private PimccError Unsupported(Operation op, string message) =>
        new(ExitCode.UnsupportedOperator, $"func @{_program}, %{op.Id}", message, "see docs/hpim-lowering.md for the operators the hpim backend lowers");

    private void Li(CoreCode c, int reg, long v) => c.Li(reg, v);

    private void Binary(CoreCode c, Operation op)
    {
        if (op.Operands.Any(o => o.Kind != OperandKind.Value)) throw Unsupported(op, "element-wise ops with weight operands are not lowered");
        if (op.Operands.Any(o => _types[o.Name].ElementCount != op.Result.Type.ElementCount))
            throw Unsupported(op, "broadcasting element-wise ops are not lowered");
        var m = op.Opcode switch { "add" => "vadd", "sub" => "vsub", "mul" => "vmul", _ => "vdiv" };
        Li(c, Reg.T0, Addr(op.Result));
        Li(c, Reg.T1, Addr(op.Operands[0]));
        Li(c, Reg.T2, Addr(op.Operands[1]));
        Li(c, Reg.T3, ElementsOf(op.Result));
        c.I(m, Reg.T0, Reg.T1, Reg.T2, Reg.T3, _dt);
    }

    private void Unary(CoreCode c, Operation op)
    {
        var m = op.Opcode switch { "relu" => "vrelu", "gelu" => "vgelu", _ => "vsilu" };
        Li(c, Reg.T0, Addr(op.Result));
        Li(c, Reg.T1, Addr(op.Operands[0]));
        Li(c, Reg.T2, ElementsOf(op.Result));
        c.I(m, Reg.T0, Reg.T1, Reg.T2, _dt);
    }

    /// <summary>cap tanh(x / cap) on the VCU; on the distributed logits each core caps its own slice in place.</summary>
    private void SoftCap(CoreCode c, Operation op)
    {
        var n = _distributedValues.TryGetValue(op.Result.Name, out var slice) ? slice : ElementsOf(op.Result);
        Li(c, Reg.T0, Addr(op.Result));
        Li(c, Reg.T1, Addr(op.Operands[0]));
        Li(c, Reg.T2, n * _l.Element);
        if (Addr(op.Result) != Addr(op.Operands[0])) c.I("mv", Reg.T0, Reg.T1, Reg.T2);
        Li(c, Reg.T2, n);
        ScoreTerms.SoftCap(c, _consts, Reg.T0, Reg.T2, Reg.T3, op.Attrs.Float("cap"), _dt);
    }

    /// <summary>Loads a 1-D weight (flat share per channel) into <paramref name="dst"/>: one hbm.ld per channel that holds part of it.</summary>
    private void LoadVector(CoreCode c, Weight w, long dst)
    {
        var share = _l.Share(w);
        _l.CheckFits($"weight @{w.Name}", HbmLayout.Offset(w) + share, HbmLayout.Rows(w));
        var used = HbmRowBudget.Ceil(w.Type.StaticBytes, share);
        Li(c, Reg.T4, dst);
        Li(c, Reg.T5, _l.Address(w));
        c.I("add", Reg.T5, Reg.T5, Reg.LayerOffset);
        Li(c, Reg.T6, share);
        c.I("add", Reg.T7, Reg.Zero, Reg.Zero);
        c.Loop(Reg.L0, used, () =>
        {
            c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T7);
            c.I("add", Reg.T4, Reg.T4, Reg.T6);
            c.I("addi", Reg.T7, Reg.T7, 1);
        });
    }

    private void Norm(CoreCode c, Operation op)
    {
        var n = ElementsOf(op.Result);
        var rows = ElementsOf(op.Result) / op.Result.Type.Shape[^1].Constant;
        if (rows != 1) throw Unsupported(op, "decode norms over more than one row are not lowered");
        // gamma and beta are optional (a non-parametric layer_norm has neither)
        var gamma = op.Operands.Length > 1 ? _m.FindWeight(op.Operands[1].Name)! : null;
        var gAddr = _vec;
        var bAddr = gamma is null ? _vec : _vec + _l.Share(gamma) * _l.Channels;
        if (gamma is not null) LoadVector(c, gamma, gAddr);
        if (op.Operands.Length > 2) LoadVector(c, _m.FindWeight(op.Operands[2].Name)!, bAddr);
        long x = Addr(op.Operands[0]), y = Addr(op.Result), s0 = _scalar, s1 = _scalar + LocalBuffers.Align;
        Li(c, Reg.T0, y);
        Li(c, Reg.T1, x);
        Li(c, Reg.T2, n);
        Li(c, Reg.T3, s0);
        Li(c, Reg.T4, s1);
        Li(c, Reg.T5, 1);
        Li(c, Reg.T6, _consts.Address(1.0 / n));
        Li(c, Reg.T7, _consts.Address(op.Attrs.FloatOr("eps", 1e-5)));
        if (op.Opcode == "layer_norm")
        {
            c.I("vsum", Reg.T3, Reg.T1, Reg.T2, _dt);                  // sum x
            c.I("vmul.s", Reg.T3, Reg.T3, Reg.T6, Reg.T5, _dt);       // mean
            c.I("vsub.s", Reg.T0, Reg.T1, Reg.T3, Reg.T2, _dt);       // x - mean
            c.I("vdot", Reg.T4, Reg.T0, Reg.T0, Reg.T2, _dt);         // sum of squares
        }
        else
            c.I("vdot", Reg.T4, Reg.T1, Reg.T1, Reg.T2, _dt);         // sum of squares
        c.I("vmul.s", Reg.T4, Reg.T4, Reg.T6, Reg.T5, _dt);           // variance (mean square)
        c.I("vadd.s", Reg.T4, Reg.T4, Reg.T7, Reg.T5, _dt);           // + eps
        c.I("vrsqrt", Reg.T4, Reg.T4, Reg.T5, _dt);                   // rstd
        c.I("vmul.s", Reg.T0, op.Opcode == "layer_norm" ? Reg.T0 : Reg.T1, Reg.T4, Reg.T2, _dt);
        if (gamma is not null)
        {
            Li(c, Reg.T8, gAddr);
            c.I("vmul", Reg.T0, Reg.T0, Reg.T8, Reg.T2, _dt);         // gamma
        }
        if (op.Operands.Length > 2)
        {
            Li(c, Reg.T8, bAddr);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T8, Reg.T2, _dt);         // beta
        }
    }

    private void Embedding(CoreCode c, Operation op)
    {
        var table = _m.FindWeight(op.Operands[1].Name)!;
        var width = table.Type.Shape[1].Constant;
        var ids = op.Operands[0];
        int idxReg;
        long add;
        if (_index.TryGetValue(ids.Name, out var ix)) (idxReg, add) = ix;
        else if (_m.FindFunction(_program)!.Params.Any(p => p.Name == ids.Name)) (idxReg, add) = (Reg.Token, 0);
        else throw Unsupported(op, "embedding indices must be the input token or position ids");
        if (ElementsOf(op.Result) != width) throw Unsupported(op, "decode embeddings of more than one row are not lowered");
        var dst = Addr(op.Result);
        c.I("addi", Reg.T0, idxReg, add);
        _l.EmitStripe(c, Reg.T0);                                     // T2 = slot / local feature, T3 = channel
        Li(c, Reg.T4, dst);
        if (_linearTables.Contains(table.Name))
        {
            // Linear (TP) layout: local feature f -> bank f mod banks, rows base + (f / banks) x chunks + k.
            var chunks = HbmRowBudget.Ceil(width, _l.ElementsPerPage);
            _l.EmitGemvFeatureOffset(c, chunks);
            Li(c, Reg.T6, _l.RowAddress(HbmLayout.Row(table)));
            c.I("add", Reg.T5, Reg.T5, Reg.T6);                       // address of chunk 0
            Li(c, Reg.T6, _l.Map.BankStride);
            Li(c, Reg.T7, _l.Map.RowStride);
            c.Loop(Reg.L0, chunks, () =>
            {
                c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T3);
                c.I("add", Reg.T4, Reg.T4, Reg.T6);
                c.I("add", Reg.T5, Reg.T5, Reg.T7);
            });
        }
        else
        {
            var rowBytes = _l.PaddedRowBytes(width);
            _l.CheckFits($"weight @{table.Name}", HbmRowBudget.Ceil(table.Type.Shape[0].Constant, _l.Channels) * rowBytes, HbmLayout.Rows(table));
            Li(c, Reg.T5, rowBytes);
            c.I("mul", Reg.T5, Reg.T2, Reg.T5);
            Li(c, Reg.T6, _l.RowAddress(HbmLayout.Row(table)));
            c.I("add", Reg.T5, Reg.T5, Reg.T6);
            Li(c, Reg.T6, width * _l.Element);
            c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T3);
        }
    }
}
