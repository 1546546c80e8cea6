using System.Numerics;
using Pimcc.Compiler.Targets.Hpim.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

namespace Pimcc.Compiler.Targets.Hpim.Lowering;

/// <summary>
/// Lowers the <c>decode</c> function: weight GEMVs become HBM-PIM command programs on every channel (chunk-outer,
/// partial sums reduced on the owning core), everything else runs on every core (each keeps a replica of the
/// residual stream), attention runs per head group on the cores the attention mapping gave it. The cores run
/// the decoder layers as one counted loop when the layers repeat with a constant HBM row stride.
/// See docs/hpim-lowering.md for the protocol and the buffer layouts.
/// </summary>
internal sealed class DecodeLowering
{
    private const long Fp16 = 0, Set = 0, Acc = 1;
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
        _buf = new LocalBuffers(t, program);
        _linearTables = m.Functions.SelectMany(f => f.Body).Where(HpimTileWeights.IsWeightLinear)
            .Select(o => o.Operands[1].Name).ToHashSet(StringComparer.Ordinal);
    }

    public LocalBuffers Buffers => _buf;

    /// <summary>Whether the cores ran the layers as a loop (for statistics and tests).</summary>
    public LayerLoop? Loop { get; private set; }

    public void Emit(Function f)
    {
        var body = f.Body;
        foreach (var v in f.Values) _types[v.Name] = v.Type;
        Loop = LayerLoop.Find(f, candidate => LayerAddressesAreAffine(body, candidate, out _, out _));
        var order = Loop is { } lp ? [.. body.Take(lp.Start + lp.Period), .. body.Skip(lp.End)] : body.ToList();
        _canon = Loop?.CanonicalNames(body) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        AllocateScratch(body);
        PlanValues(order, Loop?.CarriedValues(body) ?? []);

        foreach (var c in _cores) c.Entry(_program);
        foreach (var ch in _chans) ch.Entry(_program);
        foreach (var c in _cores)
        {
            c.Li(Reg.LayerOffset, 0);
            c.Li(Reg.KvLayerOffset, 0);
        }
        if (Loop is not { } loop)
        {
            for (var i = 0; i < body.Length; i++) EmitOp(body[i], i, cores: true, channels: true);
        }
        else
        {
            for (var i = 0; i < loop.Start; i++) EmitOp(body[i], i, true, true);
            LayerAddressesAreAffine(body, loop, out var stride, out var kvStride);
            foreach (var c in _cores)
            {
                c.Li(Reg.LayerCounter, loop.Count);
            }
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
            for (var i = loop.Start; i < loop.End; i++) EmitOp(body[i], i, cores: false, channels: true);
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
            var rows = Enumerable.Range(0, loop.Count).Select(i => CoreHbmRows(body[loop.Start + i * loop.Period + k])).ToList();
            for (var i = 1; i < loop.Count; i++)
            {
                if (rows[i].Count != rows[0].Count) return false;
                for (var j = 0; j < rows[0].Count; j++)
                {
                    var (kind, r0) = rows[0][j];
                    var d = rows[i][j].Row - r0;
                    if (d % i != 0 || (strides[kind] is { } st && st != d / i)) return false;
                    strides[kind] = d / i;
                }
            }
        }
        weightStride = _l.RowAddress(strides[0] ?? 0);
        kvStride = _l.RowAddress(strides[1] ?? 0);
        return weightStride is >= 0 and <= uint.MaxValue && kvStride is >= 0 and <= uint.MaxValue;
    }

    /// <summary>(0 weight / 1 KV cache, first row) of every HBM object an op's core code reads.</summary>
    private List<(int Kind, long Row)> CoreHbmRows(Operation op)
    {
        var rows = new List<(int, long)>();
        if (op.Opcode == "attention") rows.Add((1, HbmLayout.Row(_m.FindKvCache(op.Attrs.Str("cache"))!)));
        else
            for (var j = 0; j < op.Operands.Length; j++)
                if (op.Operands[j].Kind == OperandKind.Weight && !(HpimTileWeights.IsWeightLinear(op) && j == 1))
                    rows.Add((0, HbmLayout.Row(_m.FindWeight(op.Operands[j].Name)!)));
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
            gath = Math.Max(gath, (long)_l.Channels * g.FeaturesPerChannel * _l.Element);
            if (g.Op.Operands.Length > 2) vec = Math.Max(vec, g.Features * (long)_l.Element);
        }
        foreach (var op in body)
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Weight && !(HpimTileWeights.IsWeightLinear(op) && o == op.Operands[1])))
            {
                var w = _m.FindWeight(o.Name)!;
                if (w.Type.Rank == 1) vec = Math.Max(vec, _l.FlatShare(w.Type.StaticBytes) * _l.Channels);
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
        var tile = gemvs.Where(g => g.Heads is not null).Select(g => g.Heads!.Rounds.Max(r => (long)r.ChannelsPerHead * HbmLayout.Ceil(g.Heads.HeadDim, r.ChannelsPerHead)))
            .DefaultIfEmpty(0).Max();
        _headTile = _buf.Allocate("gemv.head_tile", tile * _l.Element, RegionKind.Scratch);
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
        var blocks = HbmLayout.Ceil(cache.MaxLength, p);
        var cph = attn.Attrs.Ints(HpimAttrs.CoresPerHead).Min();
        return HbmLayout.Ceil(blocks, cph) * p;
    }

    private int ChannelsPerCore()
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
            if (op.Opcode is "last_token" or "reshape" || (op.Opcode == "cast" && op.Result.Type.Element == _types[op.Operands[0].Name].Element))
                alias[op.Result.Name] = Canon(op.Operands[0].Name);
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Value)) lastUse[Root(Canon(o.Name))] = i;
        }
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        void FreeDead(Operation op, int i)
        {
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Value))
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
                var bytes = BytesOf(r) + Padding(op);
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
        return g.Heads!.Rounds.Max(r => (long)r.ChannelsPerHead * HbmLayout.Ceil(g.Heads.HeadDim, r.ChannelsPerHead)) * _l.Element + _l.Column;
    }

    // ---------------------------------------------------------------- ops

    private void EmitOp(Operation op, int index, bool cores, bool channels)
    {
        var id = _idBase + index;
        var name = op.Id;
        if (cores) foreach (var c in _cores) c.BeginOp(id, name);
        if (channels && HpimTileWeights.IsWeightLinear(op)) foreach (var ch in _chans) ch.BeginOp(id, name);
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
                if (channels) foreach (var ch in _chans) GemvChannel(ch, g, Addr(op.Operands[0]));
                if (cores) foreach (var c in _cores) GemvCore(c, g);
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
            case "attention":
                if (cores) foreach (var c in _cores) Attention(c, op);
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
        c.I(m, Reg.T0, Reg.T1, Reg.T2, Reg.T3, Fp16);
    }

    private void Unary(CoreCode c, Operation op)
    {
        var m = op.Opcode switch { "relu" => "vrelu", "gelu" => "vgelu", _ => "vsilu" };
        Li(c, Reg.T0, Addr(op.Result));
        Li(c, Reg.T1, Addr(op.Operands[0]));
        Li(c, Reg.T2, ElementsOf(op.Result));
        c.I(m, Reg.T0, Reg.T1, Reg.T2, Fp16);
    }

    /// <summary>Loads a 1-D weight (flat share per channel) into <paramref name="dst"/>: one hbm.ld per channel that holds part of it.</summary>
    private void LoadVector(CoreCode c, Weight w, long dst)
    {
        var share = _l.FlatShare(w.Type.StaticBytes);
        _l.CheckFits($"weight @{w.Name}", share, HbmLayout.Rows(w));
        var used = HbmLayout.Ceil(w.Type.StaticBytes, share);
        Li(c, Reg.T4, dst);
        Li(c, Reg.T5, _l.RowAddress(HbmLayout.Row(w)));
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
        var gamma = _m.FindWeight(op.Operands[1].Name)!;
        var gAddr = _vec;
        var bAddr = _vec + _l.FlatShare(gamma.Type.StaticBytes) * _l.Channels;
        LoadVector(c, gamma, gAddr);
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
            c.I("vsum", Reg.T3, Reg.T1, Reg.T2, Fp16);                 // sum x
            c.I("vmul.s", Reg.T3, Reg.T3, Reg.T6, Reg.T5, Fp16);      // mean
            c.I("vsub.s", Reg.T0, Reg.T1, Reg.T3, Reg.T2, Fp16);      // x - mean
            c.I("vdot", Reg.T4, Reg.T0, Reg.T0, Reg.T2, Fp16);        // sum of squares
        }
        else
            c.I("vdot", Reg.T4, Reg.T1, Reg.T1, Reg.T2, Fp16);        // sum of squares
        c.I("vmul.s", Reg.T4, Reg.T4, Reg.T6, Reg.T5, Fp16);          // variance (mean square)
        c.I("vadd.s", Reg.T4, Reg.T4, Reg.T7, Reg.T5, Fp16);          // + eps
        c.I("vrsqrt", Reg.T4, Reg.T4, Reg.T5, Fp16);                  // rstd
        c.I("vmul.s", Reg.T0, op.Opcode == "layer_norm" ? Reg.T0 : Reg.T1, Reg.T4, Reg.T2, Fp16);
        Li(c, Reg.T8, gAddr);
        c.I("vmul", Reg.T0, Reg.T0, Reg.T8, Reg.T2, Fp16);            // gamma
        if (op.Operands.Length > 2)
        {
            Li(c, Reg.T8, bAddr);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T8, Reg.T2, Fp16);        // beta
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
        Li(c, Reg.T1, BitOperations.Log2((uint)_l.Channels));
        c.I("shr", Reg.T2, Reg.T0, Reg.T1);                           // slot / local feature = idx / channels
        Li(c, Reg.T3, _l.Channels - 1);
        c.I("and", Reg.T3, Reg.T0, Reg.T3);                           // channel = idx mod channels
        Li(c, Reg.T4, dst);
        if (_linearTables.Contains(table.Name))
        {
            // Linear (TP) layout: local feature f -> bank f mod banks, rows base + (f / banks) x chunks + k.
            var chunks = HbmLayout.Ceil(width, _l.ElementsPerPage);
            Li(c, Reg.T5, _l.Banks - 1);
            c.I("and", Reg.T5, Reg.T2, Reg.T5);                       // bank
            Li(c, Reg.T6, BitOperations.Log2((uint)_l.Banks));
            c.I("shr", Reg.T6, Reg.T2, Reg.T6);                       // group
            Li(c, Reg.T7, chunks * _l.RowAddress(1));
            c.I("mul", Reg.T6, Reg.T6, Reg.T7);
            Li(c, Reg.T7, _l.Page);
            c.I("mul", Reg.T5, Reg.T5, Reg.T7);
            c.I("add", Reg.T5, Reg.T5, Reg.T6);
            Li(c, Reg.T6, _l.RowAddress(HbmLayout.Row(table)));
            c.I("add", Reg.T5, Reg.T5, Reg.T6);                       // address of chunk 0
            Li(c, Reg.T6, _l.Page);
            Li(c, Reg.T7, _l.RowAddress(1));
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
            _l.CheckFits($"weight @{table.Name}", HbmLayout.Ceil(table.Type.Shape[0].Constant, _l.Channels) * rowBytes, HbmLayout.Rows(table));
            Li(c, Reg.T5, rowBytes);
            c.I("mul", Reg.T5, Reg.T2, Reg.T5);
            Li(c, Reg.T6, _l.RowAddress(HbmLayout.Row(table)));
            c.I("add", Reg.T5, Reg.T5, Reg.T6);
            Li(c, Reg.T6, width * _l.Element);
            c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T3);
        }
    }

    // ---------------------------------------------------------------- GEMV on HBM-PIM

    /// <summary>
    /// One channel's GEMV program, chunk-outer: per input chunk (one page = one global-buffer fill) write the
    /// chunk into both pseudo channels' global buffers, then per row group (one feature per bank) clear, activate,
    /// MAC the chunk's columns, precharge and read the bank results as that chunk's partial sums.
    /// </summary>
    private void GemvChannel(ChannelCode ch, GemvPlan g, long input)
    {
        var owner = _t.Hbm.ChannelOwner[ch.Channel];
        var perCore = ChannelsPerCore();
        var q = ch.Channel % perCore;
        var inUnit = input / _l.Column;
        var perBlock = GemvPlan.FeaturesPerBlock(_l);
        var row0 = HbmLayout.Row(g.Weight);
        ch.C("wait", Events.InputReady(ch.Channel), 1);
        if (g.FeatureOuter(_l, perCore))
        {
            FeatureOuter(ch, g, owner, inUnit, (PartBase(g) + q * g.PartialBytesPerChannel(_l, perCore)) / _l.Column, row0);
            ch.C("sig", Events.OutputReady(_l.Channels, owner, _batch[g.Op.Id].Slot), 1);
            return;
        }
        for (var b = 0; b < g.Blocks(_l); b++)
        {
            var featuresInBlock = Math.Min(perBlock, g.FeaturesPerChannel - b * perBlock);
            var groups = (int)HbmLayout.Ceil(featuresInBlock, _l.Banks);
            var partUnit = (PartBase(g) + ((long)q * g.Blocks(_l) + b) * g.Chunks * _l.Page) / _l.Column;
            var rowBase = row0 + (long)b * (perBlock / _l.Banks) * g.Chunks;
            var full = g.ColumnsInLastChunk == _l.ColumnsPerPage ? g.Chunks : g.Chunks - 1;
            ChunkRange(ch, owner, 0, full, _l.ColumnsPerPage, groups, g.Chunks, rowBase, inUnit, partUnit);
            if (full < g.Chunks)
                ChunkRange(ch, owner, full, 1, g.ColumnsInLastChunk, groups, g.Chunks, rowBase, inUnit, partUnit);
        }
        ch.C("sig", Events.OutputReady(_l.Channels, owner, _batch[g.Op.Id].Slot), 1);
    }

    private long PartBase(GemvPlan g) => _part + _batch[g.Op.Id].Slot * _partStride;

    /// <summary>
    /// Feature-outer GEMV: per row group (unrolled, so each group's results get their own local address), per chunk
    /// rewrite the global buffers with the chunk and MAC it; the PU result registers accumulate over the chunks.
    /// </summary>
    private void FeatureOuter(ChannelCode ch, GemvPlan g, int owner, long inUnit, long outUnit, long row0)
    {
        var pageUnits = (int)(_l.Page / _l.Column);
        var full = g.ColumnsInLastChunk == _l.ColumnsPerPage ? g.Chunks : g.Chunks - 1;
        for (var grp = 0; grp < g.Groups(_l); grp++)
        {
            var row = row0 + (long)grp * g.Chunks;
            ch.C("res.clr", 0);
            ch.C("res.clr", 1);
            void Chunks(int first, int count, int cols) => ch.Rep(count, drow: 1, dcol: 0, dgcol: 0, dladdr: pageUnits, () =>
            {
                ch.Rep(cols, 0, 0, 1, 1, () =>
                {
                    ch.C("gwr", 0, 0, owner, inUnit + (long)first * pageUnits);
                    ch.C("gwr", 1, 0, owner, inUnit + (long)first * pageUnits);
                });
                ch.C("act.ab", 0, row + first);
                ch.C("act.ab", 1, row + first);
                ch.Rep(cols, 0, 1, 1, 0, () =>
                {
                    ch.C("mac.ab", 0, 0, 0);
                    ch.C("mac.ab", 1, 0, 0);
                });
                ch.C("pre.ab", 0);
                ch.C("pre.ab", 1);
            });
            Chunks(0, full, _l.ColumnsPerPage);
            if (full < g.Chunks) Chunks(full, 1, g.ColumnsInLastChunk);
            ch.C("res.rd.ab", 0, owner, outUnit + (long)grp * _l.PseudoChannels);
            ch.C("res.rd.ab", 1, owner, outUnit + (long)grp * _l.PseudoChannels + 1);
        }
    }

    private void ChunkRange(ChannelCode ch, int owner, int first, int count, int cols, int groups, int chunks, long rowBase, long inUnit, long partUnit)
    {
        var pageUnits = (int)(_l.Page / _l.Column);
        ch.Rep(count, drow: 1, dcol: 0, dgcol: 0, dladdr: pageUnits, () =>
        {
            ch.Rep(cols, 0, 0, 1, 1, () =>
            {
                ch.C("gwr", 0, 0, owner, inUnit + (long)first * pageUnits);
                ch.C("gwr", 1, 0, owner, inUnit + (long)first * pageUnits);
            });
            ch.Rep(groups, drow: chunks, dcol: 0, dgcol: 0, dladdr: _l.PseudoChannels, () =>
            {
                ch.C("res.clr", 0);
                ch.C("res.clr", 1);
                ch.C("act.ab", 0, rowBase + first);
                ch.C("act.ab", 1, rowBase + first);
                ch.Rep(cols, 0, 1, 1, 0, () =>
                {
                    ch.C("mac.ab", 0, 0, 0);
                    ch.C("mac.ab", 1, 0, 0);
                });
                ch.C("pre.ab", 0);
                ch.C("pre.ab", 1);
                ch.C("res.rd.ab", 0, owner, partUnit + (long)first * pageUnits);
                ch.C("res.rd.ab", 1, owner, partUnit + (long)first * pageUnits + 1);
            });
        });
    }

    /// <summary>
    /// The owning core's side of a GEMV: signal its channels that the input is ready, wait for their partial sums,
    /// reduce them over the input chunks, all-gather every core's channel results, and reorder them into the
    /// natural feature order (TP: one transpose; HP: one strided copy and transpose per head).
    /// </summary>
    private void GemvCore(CoreCode c, GemvPlan g)
    {
        var channels = _t.Hbm.ChannelsOfCore(c.Core);
        var (slot, batch) = _batch[g.Op.Id];
        if (slot == 0) foreach (var ch in channels) c.I("ev.sig", Events.InputReady(ch), batch);
        c.I("ev.wait", Events.OutputReady(_l.Channels, c.Core, slot), channels.Count);
        var perBlock = GemvPlan.FeaturesPerBlock(_l);
        var featureOuter = g.FeatureOuter(_l, channels.Count);
        for (var q = 0; q < channels.Count && featureOuter; q++)
        {
            Li(c, Reg.T0, _red + (long)q * g.FeaturesPerChannel * _l.Element);
            Li(c, Reg.T1, PartBase(g) + q * g.PartialBytesPerChannel(_l, channels.Count));
            Li(c, Reg.T2, (long)g.FeaturesPerChannel * _l.Element);
            c.I("mv", Reg.T0, Reg.T1, Reg.T2);
        }
        for (var q = 0; q < channels.Count && !featureOuter; q++)
            for (var b = 0; b < g.Blocks(_l); b++)
            {
                var n = Math.Min(perBlock, g.FeaturesPerChannel - b * perBlock);
                var src = PartBase(g) + ((long)q * g.Blocks(_l) + b) * g.Chunks * _l.Page;
                var dst = _red + ((long)q * g.FeaturesPerChannel + (long)b * perBlock) * _l.Element;
                Li(c, Reg.T0, dst);
                Li(c, Reg.T1, src);
                Li(c, Reg.T2, n * _l.Element);
                c.I("mv", Reg.T0, Reg.T1, Reg.T2);
                if (g.Chunks > 1)
                {
                    Li(c, Reg.T2, n);
                    c.Loop(Reg.L0, g.Chunks - 1, () =>
                    {
                        c.I("addi", Reg.T1, Reg.T1, _l.Page);
                        c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, Fp16);
                    });
                }
            }
        Li(c, Reg.T0, _gath);
        Li(c, Reg.T1, _red);
        Li(c, Reg.T2, (long)channels.Count * g.FeaturesPerChannel * _l.Element);
        Li(c, Reg.T3, AllCoresMask());
        c.I("noc.ag", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
        var dstAll = Addr(g.Op.Result);
        if (g.Heads is null)
        {
            Li(c, Reg.T0, dstAll);
            Li(c, Reg.T1, _gath);
            Li(c, Reg.T2, ((long)_l.Channels << 16) | (uint)g.FeaturesPerChannel);
            c.I("tr", Reg.T0, Reg.T1, Reg.T2, Fp16);
        }
        else
        {
            var a = g.Heads;
            for (var r = 0; r < a.Rounds.Length; r++)
            {
                var round = a.Rounds[r];
                var per = (long)HbmLayout.Ceil(a.HeadDim, round.ChannelsPerHead);
                Li(c, Reg.T2, ((long)round.ChannelsPerHead << 16) | (uint)(per * _l.Element));
                Li(c, Reg.T3, ((per * _l.Element) << 16) | (uint)(g.FeaturesPerChannel * _l.Element));
                Li(c, Reg.T4, ((long)round.ChannelsPerHead << 16) | (uint)per);
                for (var h = 0; h < round.Heads; h++)
                {
                    var head = round.FirstHead + h;
                    Li(c, Reg.T0, _headTile);
                    Li(c, Reg.T1, _gath + ((long)h * round.ChannelsPerHead * g.FeaturesPerChannel + g.RoundOffsets[r]) * _l.Element);
                    c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
                    Li(c, Reg.T5, dstAll + (long)head * a.HeadDim * _l.Element);
                    c.I("tr", Reg.T5, Reg.T0, Reg.T4, Fp16);
                }
            }
        }
        if (g.Op.Operands.Length > 2)
        {
            var bias = _m.FindWeight(g.Op.Operands[2].Name)!;
            LoadVector(c, bias, _vec);
            Li(c, Reg.T0, dstAll);
            Li(c, Reg.T1, _vec);
            Li(c, Reg.T2, g.Features);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, Fp16);
        }
    }

    private long AllCoresMask() => _cores.Length >= 32 ? uint.MaxValue : (1L << _cores.Length) - 1;

    // ---------------------------------------------------------------- attention on SRAM-PIM

    /// <summary>
    /// Decode attention for the heads the attention mapping gave this core, phase by phase: append the new key and
    /// value to the KV cache (first core of the head), barrier, stream this core's KV blocks from HBM into the PIM
    /// macros (V through the transpose unit), scores on the PIM unit, softmax on the VCU (max and sum all-reduced
    /// over the head's cores), S.V accumulated block by block and all-reduced, then all-gather the heads.
    /// </summary>
    private void Attention(CoreCode c, Operation op)
    {
        long heads = op.Attrs.Int("heads"), kvHeads = op.Attrs.Int("kv_heads"), d = op.Attrs.Int("head_dim");
        var cache = _m.FindKvCache(op.Attrs.Str("cache"))!;
        var perPhase = op.Attrs.Ints(HpimAttrs.HeadsPerPhase);
        var cph = op.Attrs.Ints(HpimAttrs.CoresPerHead);
        var p = _l.KvBlockPositions(d);
        var nb = HbmLayout.Ceil(cache.MaxLength, p);
        var blockBytes = p * d * _l.Element;
        var slots = HbmLayout.Ceil(2 * kvHeads * nb, _l.Channels);
        _l.CheckFits($"kv_cache @{cache.Name}", slots * _l.Page, HbmLayout.Rows(cache));
        var cacheBase = _l.RowAddress(HbmLayout.Row(cache));
        var logC = BitOperations.Log2((uint)_l.Channels);
        var logP = BitOperations.Log2((ulong)p);
        var logPage = BitOperations.Log2((ulong)_l.Page);
        var mg = _t.Sram.PimUnit.MacrosPerGroup * _t.Sram.PimUnit.MacroBytes;
        if (mg != 1 << 16)
            throw new PimccError(ExitCode.InvalidTargetDescription, "sram.pimUnit", $"macro slots are MG << 16 | offset and need 65536-byte macro groups, the target has {mg}",
                "keep macrosPerGroup x macroCapacity = 64 KiB");
        var q = Addr(op.Operands[0]);
        var kNew = Addr(op.Operands[1]);
        var vNew = Addr(op.Operands[2]);
        var output = Addr(op.Result);
        var scale = _consts.Address(op.Attrs.Float("scale"));
        long first = 0;
        for (var phase = 0; phase < perPhase.Length; phase++)
        {
            var hp = perPhase[phase];
            var k = cph[phase];
            var active = c.Core < hp * k;
            var head = first + c.Core / k;
            var j = c.Core % k;
            var kvh = head / (heads / kvHeads);
            var group = ((1L << (int)k) - 1) << (int)(c.Core / k * k);
            // 1. append the new key and value (first core of the first query head of each KV head)
            if (active && j == 0 && head % (heads / kvHeads) == 0)
            {
                foreach (var (kind, src) in new[] { (0L, kNew), (1L, vNew) })
                {
                    c.I("shr", Reg.T0, Reg.Kv, Const(c, Reg.T1, logP));     // block of position kv
                    Li(c, Reg.T1, (kind * kvHeads + kvh) * nb);
                    c.I("add", Reg.T0, Reg.T0, Reg.T1);                      // beta
                    Li(c, Reg.T1, _l.Channels - 1);
                    c.I("and", Reg.T2, Reg.T0, Reg.T1);                      // channel
                    c.I("shr", Reg.T0, Reg.T0, Const(c, Reg.T1, logC));      // slot
                    c.I("shl", Reg.T0, Reg.T0, Const(c, Reg.T1, logPage));
                    Li(c, Reg.T1, p - 1);
                    c.I("and", Reg.T1, Reg.Kv, Reg.T1);
                    Li(c, Reg.T3, d * _l.Element);
                    c.I("mul", Reg.T1, Reg.T1, Reg.T3);
                    c.I("add", Reg.T0, Reg.T0, Reg.T1);
                    Li(c, Reg.T1, cacheBase);
                    c.I("add", Reg.T0, Reg.T0, Reg.T1);
                    c.I("add", Reg.T0, Reg.T0, Reg.KvLayerOffset);
                    Li(c, Reg.T1, src + kvh * d * _l.Element);
                    c.I("hbm.st", Reg.T0, Reg.T1, Reg.T3, Reg.T2);
                }
            }
            // every core passes one barrier per phase, so the appended position is in HBM before anyone streams it
            c.I("bar", phase, _cores.Length);
            if (active)
                HeadAttention(c, kvh, head, j, k, group, q + head * d * _l.Element, d, p, nb, kvHeads, blockBytes, cacheBase, logC, logP, logPage, scale);
            // gather: each core of a head contributes ceil(d / k) elements of the head output
            var share = HbmLayout.Ceil(d, k);
            Li(c, Reg.T0, _gathAtt);
            Li(c, Reg.T1, _outh + j * share * _l.Element);
            Li(c, Reg.T2, share * _l.Element);
            Li(c, Reg.T3, AllCoresMask());
            c.I("noc.ag", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
            Li(c, Reg.T0, output + first * d * _l.Element);
            Li(c, Reg.T2, (hp << 16) | (d * _l.Element));
            Li(c, Reg.T3, ((d * _l.Element) << 16) | (k * share * _l.Element));
            Li(c, Reg.T4, _gathAtt);
            c.I("mv.2d", Reg.T0, Reg.T4, Reg.T2, Reg.T3);
            first += hp;
        }
    }

    private int Const(CoreCode c, int reg, long value)
    {
        Li(c, reg, value);
        return reg;
    }

    private void HeadAttention(CoreCode c, long kvh, long head, long j, long k, long group, long qHead, long d, long p, long nb, long kvHeads,
        long blockBytes, long cacheBase, int logC, int logP, int logPage, long scale)
    {
        // blocks of positions 0..kv: NBlk = kv / P + 1; this core takes blocks j, j + k, ...
        c.I("shr", Reg.NBlk, Reg.Kv, Const(c, Reg.T0, logP));
        c.I("addi", Reg.NBlk, Reg.NBlk, 1);
        Li(c, Reg.Blk, j);
        Li(c, Reg.NLocal, 0);
        Li(c, Reg.Len, 0);
        Li(c, Reg.MacK, 0);
        Li(c, Reg.MacV, VMacroBase);   // values in the upper half of the macros (slot = MG << 16 | offset = linear byte)
        var skip = c.Placeholder();
        var top = c.Count;
        foreach (var kind in new[] { 0L, 1L })
        {
            Li(c, Reg.T0, (kind * kvHeads + kvh) * nb);
            c.I("add", Reg.T0, Reg.T0, Reg.Blk);                              // beta
            Li(c, Reg.T1, _l.Channels - 1);
            c.I("and", Reg.T2, Reg.T0, Reg.T1);                               // channel
            c.I("shr", Reg.T0, Reg.T0, Const(c, Reg.T1, logC));
            c.I("shl", Reg.T0, Reg.T0, Const(c, Reg.T1, logPage));
            Li(c, Reg.T1, cacheBase);
            c.I("add", Reg.T0, Reg.T0, Reg.T1);
            c.I("add", Reg.T0, Reg.T0, Reg.KvLayerOffset);
            Li(c, Reg.T1, _stage);
            Li(c, Reg.T3, blockBytes);
            c.I("hbm.ld", Reg.T1, Reg.T0, Reg.T3, Reg.T2);
            if (kind == 0)
                c.I("pim.ld", Reg.MacK, Reg.T1, Reg.T3);                      // K block [P x d]: scores = K q
            else
            {
                Li(c, Reg.T4, _stage2);
                Li(c, Reg.T5, (p << 16) | d);
                c.I("tr", Reg.T4, Reg.T1, Reg.T5, Fp16);                       // V block -> V^T [d x P]
                c.I("pim.ld", Reg.MacV, Reg.T4, Reg.T3);
            }
        }
        // valid positions of this block: min(P, kv + 1 - blk x P)
        c.I("shl", Reg.T0, Reg.Blk, Const(c, Reg.T1, logP));
        c.I("sub", Reg.T0, Reg.Kv, Reg.T0);
        c.I("addi", Reg.T0, Reg.T0, 1);
        Li(c, Reg.T1, p);
        c.I("min", Reg.T0, Reg.T0, Reg.T1);
        c.I("add", Reg.Len, Reg.Len, Reg.T0);
        c.I("addi", Reg.NLocal, Reg.NLocal, 1);
        Li(c, Reg.T0, blockBytes);
        c.I("add", Reg.MacK, Reg.MacK, Reg.T0);
        c.I("add", Reg.MacV, Reg.MacV, Reg.T0);
        c.I("addi", Reg.Blk, Reg.Blk, k);
        c.BranchBack("blt", Reg.Blk, Reg.NBlk, top);
        c.PatchForward(skip, "bge", Reg.Blk, Reg.NBlk);
        // scores, block by block: S[i x P ..] = K_i q
        Li(c, Reg.T0, _scores);
        Li(c, Reg.T1, qHead);
        Li(c, Reg.T2, (p << 16) | d);
        Li(c, Reg.T3, 0);
        Li(c, Reg.T4, blockBytes);
        Li(c, Reg.T5, p * _l.Element);
        c.I("add", Reg.T6, Reg.NLocal, Reg.Zero);
        var noBlocks = c.Placeholder();
        var sTop = c.Count;
        c.I("pim.gemv", Reg.T0, Reg.T1, Reg.T2, Reg.T3, Fp16, Set);
        c.I("add", Reg.T0, Reg.T0, Reg.T5);
        c.I("add", Reg.T3, Reg.T3, Reg.T4);
        c.I("loop", Reg.T6, sTop - c.Count);
        c.PatchForward(noBlocks, "beq", Reg.NLocal, Reg.Zero);
        // softmax over the Len valid scores (max and sum all-reduced over the head's cores)
        long s = _scores, m = _scalar + 2 * LocalBuffers.Align, sum = _scalar + 3 * LocalBuffers.Align;
        Li(c, Reg.T0, s);
        Li(c, Reg.T1, scale);
        Li(c, Reg.T2, m);
        Li(c, Reg.T3, sum);
        Li(c, Reg.T4, 1);
        Li(c, Reg.T5, _consts.Address(double.NegativeInfinity));
        Li(c, Reg.T6, _consts.Address(0));
        c.I("vfill", Reg.T2, Reg.T5, Reg.T4, Fp16);
        c.I("vmul.s", Reg.T0, Reg.T0, Reg.T1, Reg.Len, Fp16);
        var empty = c.Placeholder();
        c.I("vrmax", Reg.T2, Reg.T0, Reg.Len, Fp16);
        c.PatchForward(empty, "beq", Reg.Len, Reg.Zero);
        Li(c, Reg.T7, group);
        if (k > 1) c.I("noc.ar", Reg.T2, Reg.T2, Reg.T4, Reg.T7, 1, Fp16);
        c.I("vsub.s", Reg.T0, Reg.T0, Reg.T2, Reg.Len, Fp16);
        c.I("vexp", Reg.T0, Reg.T0, Reg.Len, Fp16);
        c.I("vsum", Reg.T3, Reg.T0, Reg.Len, Fp16);
        if (k > 1) c.I("noc.ar", Reg.T3, Reg.T3, Reg.T4, Reg.T7, 0, Fp16);
        // zero the scores past the valid positions of the last block
        c.I("shl", Reg.T8, Reg.NLocal, Const(c, Reg.T9, BitOperations.Log2((ulong)p)));
        c.I("sub", Reg.T8, Reg.T8, Reg.Len);
        Li(c, Reg.T9, _l.Element);
        c.I("mul", Reg.T9, Reg.Len, Reg.T9);
        c.I("add", Reg.T9, Reg.T0, Reg.T9);
        c.I("vfill", Reg.T9, Reg.T6, Reg.T8, Fp16);
        // S.V block by block into the head output: out = sum_i V_i^T s_i
        Li(c, Reg.T9, _outh);
        Li(c, Reg.T8, d);
        c.I("vfill", Reg.T9, Reg.T6, Reg.T8, Fp16);
        Li(c, Reg.T2, (d << 16) | p);
        Li(c, Reg.T3, VMacroBase);
        Li(c, Reg.T4, blockBytes);
        Li(c, Reg.T5, p * _l.Element);
        c.I("add", Reg.T6, Reg.NLocal, Reg.Zero);
        var noBlocks2 = c.Placeholder();
        var vTop = c.Count;
        c.I("pim.gemv", Reg.T9, Reg.T0, Reg.T2, Reg.T3, Fp16, Acc);
        c.I("add", Reg.T0, Reg.T0, Reg.T5);
        c.I("add", Reg.T3, Reg.T3, Reg.T4);
        c.I("loop", Reg.T6, vTop - c.Count);
        c.PatchForward(noBlocks2, "beq", Reg.NLocal, Reg.Zero);
        if (k > 1) c.I("noc.ar", Reg.T9, Reg.T9, Reg.T8, Reg.T7, 0, Fp16);
        Li(c, Reg.T3, sum);
        c.I("vdiv.s", Reg.T9, Reg.T9, Reg.T3, Reg.T8, Fp16);
    }
}
