using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Lowers the <c>prefill</c> function entirely onto the SRAM-PIM cores (spec/hpim.md, "Prefill pipeline"):
/// weight GEMMs on the TCU with weight tiles streamed from where decode's layout put them (double-buffered
/// <c>hbm.pf</c> against <c>tcu.gemm</c>), norms, activations and residual adds on the VCU, attention per head on
/// the TCU (Q.K^T, causal softmax on the VCU, S.V) with the prompt's keys and values written into the KV caches in
/// decode's layout. Prompt activations live in the HBM scratch (<see cref="PrefillScratch"/>); local memory holds
/// only the tiles of the op at hand. Every IR op ends with an all-core barrier, so the next op sees its input in HBM.
/// The cores run repeated decoder layers as one counted loop (r25/r24 = the layer's weight/KV row offsets).
/// See docs/hpim-lowering.md ("Prefill") for the layouts.
/// </summary>
internal sealed partial class PrefillLowering(Module m, HpimTarget t, HbmLayout l, CoreCode[] cores, ChannelCode[] chans, Constants consts)
{
    private static readonly long Set = SramFormats.SetMode, Acc = SramFormats.AccMode;
    /// <summary>dtype operand of every data-path instruction: the target's datapath element type.</summary>
    private readonly long _dt = SramFormats.DataTypeOfElement(t.ElementBytes);
    private PrefillScratch _s = null!;
    private long _scratchBase;
    private long _tokensAddr;
    private long _workBase, _workTop, _workNext;
    private readonly Dictionary<string, long> _local = new(StringComparer.Ordinal);
    // elements of each core's slice of those distributed values (the logits)
    private readonly Dictionary<string, long> _slice = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Reg, long Add)> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorType> _types = new(StringComparer.Ordinal);
    private Function _f = null!;
    private string _opName = "";

    public LocalBuffers Buffers { get; } = new(t, Module.Prefill, consts.ReservedBytes);

    /// <summary>The layer loop the cores ran (null: unrolled).</summary>
    public LayerLoop? Loop => _s.Loop;

    /// <summary>The longest prompt the program takes (its token buffer and scratch hold this many; r28 may be smaller).</summary>
    public long Tokens => _s.Tokens;

    /// <summary>Local address of the prompt's token ids (ABI: one 32-bit word per position).</summary>
    public long TokensAddress => _tokensAddr;

    private int Element => l.Element;
    private long Tb => _s.TokenBlock;

    public void Emit(Function f)
    {
        _f = f;
        foreach (var v in f.Values) _types[v.Name] = v.Type;
        _s = PrefillScratch.Plan(m, f, t);
        var planned = m.Attrs.IntOr(PrefillScratch.ScratchRows, -1);
        if (planned < 0 || l.RowBytes(planned) < _s.BytesPerChannel)
            throw new InvalidOperationException($"hpim-plan-memory reserved {planned} scratch rows, the prefill lowering needs {_s.BytesPerChannel} bytes per channel (compiler bug)");
        _scratchBase = l.RowAddress(m.Attrs.Int(PrefillScratch.ScratchRow));
        _tokensAddr = Buffers.Allocate("tokens", _s.Tokens * 4, RegionKind.Activation);
        ReturnedLogits.RefuseBiasedHead(m, f);
        var returned = ReturnedLogits.SoftCapped(f);
        foreach (var op in f.Body.Where(o => HpimTileWeights.IsWeightLinear(o) && returned.Contains(o.Result.Name)))
        {
            var g = GemvPlan.Of(op, m, l, t);
            _slice[op.Result.Name] = (long)ChannelsPerCore * g.FeaturesPerChannel;
            _local[op.Result.Name] = Buffers.Allocate(op.Result.Name, _slice[op.Result.Name] * Element, RegionKind.Activation);
        }
        _workBase = Buffers.Used;

        foreach (var c in cores) c.Entry(Module.Prefill);
        foreach (var ch in chans) ch.Entry(Module.Prefill);
        // The channels take no part in prefill; one token round trip keeps every channel program non-empty (an
        // empty program would share its entry word with decode's).
        foreach (var c in cores)
        {
            foreach (var ch in t.Hbm.ChannelsOfCore(c.Core)) c.I("ev.sig", Events.InputReady(ch), 1);
            c.Li(Reg.LayerOffset, 0);
            c.Li(Reg.KvLayerOffset, 0);
            c.Li(Reg.VectorLayerOffset, 0);
        }
        foreach (var ch in chans)
        {
            ch.C("wait", Events.InputReady(ch.Channel), 1);
            ch.C("sig", Events.OutputReady(chans.Length, t.Hbm.ChannelOwner[ch.Channel]), 1);
        }

        var body = f.Body;
        if (_s.Loop is not { } loop)
            for (var i = 0; i < body.Length; i++) EmitOp(body[i], i);
        else
        {
            for (var i = 0; i < loop.Start; i++) EmitOp(body[i], i);
            foreach (var c in cores) c.LiLayerCounter(Reg.LayerCounter, loop.Count);
            // The channels' prefill program has no per-layer words.
            foreach (var ch in chans) ch.DeclareLayerBlocks(Enumerable.Repeat(ch.Count, loop.Count + 1).ToArray());
            var tops = cores.Select(c => c.Count).ToArray();
            for (var k = 0; k < loop.Period; k++) EmitOp(body[loop.Start + k], loop.Start + k);
            for (var ci = 0; ci < cores.Length; ci++)
            {
                var c = cores[ci];
                c.EndOp();
                c.Li(Reg.T0, _s.WeightStride);
                c.I("add", Reg.LayerOffset, Reg.LayerOffset, Reg.T0);
                c.Li(Reg.T0, _s.KvStride);
                c.I("add", Reg.KvLayerOffset, Reg.KvLayerOffset, Reg.T0);
                c.Li(Reg.T0, _s.VectorStride);
                c.I("add", Reg.VectorLayerOffset, Reg.VectorLayerOffset, Reg.T0);
                c.I("loop", Reg.LayerCounter, tops[ci] - c.Count);
                c.Li(Reg.LayerOffset, 0);
                c.Li(Reg.KvLayerOffset, 0);
                c.Li(Reg.VectorLayerOffset, 0);
            }
            for (var i = loop.End; i < body.Length; i++) EmitOp(body[i], i);
        }
        foreach (var c in cores)
        {
            c.EndOp();
            var owned = t.Hbm.ChannelsOfCore(c.Core);
            if (owned.Count > 0) c.I("ev.wait", Events.OutputReady(chans.Length, c.Core), owned.Count);
            c.I("halt");
        }
        foreach (var ch in chans) ch.EndOp();
        if (_workTop > 0) Buffers.Allocate("work", _workTop, RegionKind.Scratch);
    }

    /// <summary>
    /// Emits the work of token block <paramref name="tau"/> so that it runs only when the prompt reaches into the
    /// block: r28 (the prompt length, docs/hpim-abi.md) &gt; tau x B. A shorter prompt than compiled then runs
    /// ceil(prompt / B) blocks. Block 0 always runs. <paramref name="scratch"/> must be free where the body starts.
    /// Every core of a collective (the norm's all-reduce groups) guards the same block, so they skip it together.
    /// </summary>
    private void InPrompt(CoreCode c, long tau, int scratch, Action body)
    {
        if (tau == 0)
        {
            body();
            return;
        }
        c.Li(scratch, tau * Tb);
        c.IfLess(scratch, Reg.Prompt, body);
    }

    private int ChannelsPerCore => t.Hbm.ChannelsOfCore(0).Count;

    private void EmitOp(Operation op, int index)
    {
        foreach (var c in cores) c.BeginOp(index, op.Id);
        _workNext = _workBase;
        _opName = op.Id;
        var barrier = true;
        switch (op.Opcode)
        {
            case "position_ids":
                var start = op.Attrs.Expr("start");
                if (!start.IsConstant) throw Unsupported(op, $"prefill position start '{start}' is not a constant");
                _index[op.Result.Name] = (Reg.Zero, start.Constant + op.Attrs.IntOr("offset", 0));
                barrier = false;
                break;
            case "embedding":
                ForCores(c => Embedding(c, op));
                break;
            case "linear" when HpimTileWeights.IsWeightLinear(op):
                var g = GemvPlan.Of(op, m, l, t);
                ForCores(c => Gemm(c, op, g));
                break;
            case "soft_cap" when _local.TryGetValue(op.Operands[0].Name, out var logits):
                // the distributed logits: each core caps its own slice in place
                _local[op.Result.Name] = logits;
                var slice = _slice[op.Result.Name] = _slice[op.Operands[0].Name];
                ForCores(c =>
                {
                    c.Li(Reg.T1, logits);
                    c.Li(Reg.T2, slice);
                    ScoreTerms.SoftCap(c, consts, Reg.T1, Reg.T2, Reg.T0, op.Attrs.Float("cap"), _dt);
                });
                break;
            case "add" or "sub" or "mul" or "div" or "relu" or "gelu" or "silu" or "soft_cap":
                ForCores(c => Elementwise(c, op));
                break;
            case "layer_norm" or "rms_norm":
                ForCores(c => Norm(c, op));
                break;
            case "rotary":
                ForCores(c => Rotary(c, op));
                break;
            case "attention":
                ForCores(c => Attention(c, op));
                break;
            case "last_token":
                ForCores(c => LastToken(c, op));
                break;
            case "reshape":
                barrier = false;
                break;
            case "cast" when op.Result.Type.Element == _types[op.Operands[0].Name].Element:
                barrier = false;
                break;
            default:
                throw Unsupported(op, $"the hpim lowering has no prefill code for '{op.Opcode}'");
        }
        if (barrier)
            foreach (var c in cores) c.I("bar", 0, cores.Length);
    }

    /// <summary>Emits an op's code on every core; each core lays out the op's work memory the same way from the start.</summary>
    private void ForCores(Action<CoreCode> emit)
    {
        foreach (var c in cores)
        {
            _workNext = _workBase;
            emit(c);
        }
    }

    private PimccError Unsupported(Operation op, string message) =>
        new(ExitCode.UnsupportedOperator, $"func @prefill, %{op.Id}", message, "see docs/hpim-lowering.md for the operators the hpim backend lowers");

    /// <summary>Local work memory of the current op (released when the next op starts).</summary>
    private long Take(long bytes)
    {
        var at = _workNext;
        _workNext += LocalBuffers.Round(Math.Max(bytes, 1));
        _workTop = Math.Max(_workTop, _workNext - _workBase);
        if (_workNext > Buffers.Capacity) throw TooLittleLocalMemory(_workNext);
        return at;
    }

    /// <summary>The current op needs <paramref name="bytes"/> of local memory per core (from address 0), more than a core has.</summary>
    private PimccError TooLittleLocalMemory(long bytes) =>
        new(ExitCode.CapacityExceeded, $"func @prefill, %{_opName}",
            $"prefill needs {bytes} bytes of local memory per core for this op, a core has {Buffers.Capacity}",
            "use fewer prompt tokens (--prompt-tokens), a smaller model, or enlarge sram.localMemory.activation");

    /// <summary>
    /// Elements of the feature dimension of a [tokens, features] value (the prompt's tokens, or one token after
    /// <c>last_token</c>: dividing by the prompt length gave the final norm 64 / 6 = 10 features on tiny-opt).
    /// </summary>
    private long FeaturesOf(string value) => _types[value].ElementCount.Constant / _types[value].Shape[0].Constant;

    /// <summary>Valid feature rows of chunk <paramref name="kappa"/> of a dimension of <paramref name="n"/> features.</summary>
    private long RowsIn(long n, long kappa) => Math.Min(l.ElementsPerPage, n - kappa * l.ElementsPerPage);

    /// <summary>One HBM transfer with compile-time addresses (scratch, KV cache or weights with the layer offset register).</summary>
    private static void Hbm(CoreCode c, string mnemonic, long local, int channel, long hbm, long bytes, int offsetReg = Reg.Zero, int tag = 0)
    {
        c.Li(Reg.T0, local);
        c.Li(Reg.T1, hbm);
        if (offsetReg != Reg.Zero) c.I("add", Reg.T1, Reg.T1, offsetReg);
        c.Li(Reg.T2, bytes);
        c.Li(Reg.T3, channel);
        switch (mnemonic)
        {
            case "hbm.st": c.I("hbm.st", Reg.T1, Reg.T0, Reg.T2, Reg.T3); break;
            case "hbm.pf": c.I("hbm.pf", Reg.T0, Reg.T1, Reg.T2, Reg.T3, tag); break;
            default: c.I("hbm.ld", Reg.T0, Reg.T1, Reg.T2, Reg.T3); break;
        }
    }

    /// <summary>Moves rows [row, row + rows) of panel (tau, kappa) of a scratch value between HBM and local memory.</summary>
    private void PanelRows(CoreCode c, string mnemonic, string value, long tau, long kappa, long row, long rows, long local, int tag = 0)
    {
        var (ch, off) = _s.Panel(value, tau, kappa, row);
        Hbm(c, mnemonic, local, ch, _scratchBase + off, rows * Tb * Element, Reg.Zero, tag);
    }

    /// <summary>Rows [first, first + count) of a value's feature dimension, split at panel (chunk) boundaries.</summary>
    private void FeatureRows(CoreCode c, string mnemonic, string value, long tau, long first, long count, long local)
    {
        var pe = l.ElementsPerPage;
        for (var f = first; f < first + count;)
        {
            var kappa = f / pe;
            var rows = Math.Min(first + count - f, (kappa + 1) * pe - f);
            PanelRows(c, mnemonic, value, tau, kappa, f - kappa * pe, rows, local + (f - first) * Tb * Element);
            f += rows;
        }
    }

    /// <summary>Loads a 1-D weight (flat share per channel, docs/hpim-lowering.md) into <paramref name="dst"/>.</summary>
    private void LoadVector(CoreCode c, Weight w, long dst)
    {
        var share = l.Share(w);
        l.CheckFits($"weight @{w.Name}", share, HbmLayout.Rows(w));
        var used = HbmRowBudget.Ceil(w.Type.StaticBytes, share);
        c.Li(Reg.T4, dst);
        c.Li(Reg.T5, l.Address(w));
        c.I("add", Reg.T5, Reg.T5, w.Attrs.ContainsKey(HpimAttrs.HbmOffset) ? Reg.VectorLayerOffset : Reg.LayerOffset);
        c.Li(Reg.T6, share);
        c.I("add", Reg.T7, Reg.Zero, Reg.Zero);
        c.Loop(Reg.L0, used, () =>
        {
            c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T7);
            c.I("add", Reg.T4, Reg.T4, Reg.T6);
            c.I("addi", Reg.T7, Reg.T7, 1);
        });
    }

    private long VectorBytes(Weight w) => l.LoadedBytes(w, ChannelsPerCore);
}
