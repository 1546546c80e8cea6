using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// Lowers one program (the prefill or the decode function) op by op, in IR order, onto the streams of the PUs: each op
/// runs on its stage's home PU (a linear's or attention's stage; other ops stay on the stage of the last one before
/// them), values move between PUs over the interconnect or PCIe when a consumer's PU differs, every cross-stream
/// dependency is an event. Ops without a rule are refused: a binary never leaves part of the model out.
/// </summary>
internal sealed partial class ProgramLowering
{
    private readonly ChipLayout _layout;
    private readonly HyflexpimTarget _t;
    private readonly Function _fn;
    private readonly EventEdges _edges;
    private readonly Dictionary<int, PuWindow> _windows = [];
    private readonly Dictionary<string, BufferValue> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lastUse = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliasOf = new(StringComparer.Ordinal);
    private readonly long _fnTokens;
    private readonly long _tokens;
    private readonly bool _kvOnly;

    /// <summary>Tokens one run of the program takes (the prompt or one chunk of it for prefill, 1 for decode).</summary>
    public long Tokens => _tokens;

    /// <summary>Lowers <paramref name="fn"/> for runs of <paramref name="tokens"/> of its tokens (all of them when 0): a
    /// chunk of a long prompt, run at the chunk's first position like a decode step. A chunk before the last
    /// (<paramref name="kvOnly"/>) only has to leave its K and V rows in the caches: it lowers just the ops they depend
    /// on, and no result goes to the host.</summary>
    public ProgramLowering(ChipLayout layout, Function fn, EventEdges edges, long tokens = 0, bool kvOnly = false)
    {
        _layout = layout;
        _t = layout.Target;
        _fn = fn;
        _edges = edges;
        _fnTokens = FunctionTokens(fn) is > 0 and var n ? n : throw Unsupported("the program's input", "a program takes one static tensor of token ids");
        _tokens = tokens == 0 ? _fnTokens : tokens;
        _kvOnly = kvOnly;
    }

    /// <summary>Tokens of the function's input (the whole prompt for prefill).</summary>
    public static long FunctionTokens(Function fn) =>
        fn.Params.Length == 1 && fn.Params[0].Type.IsStatic ? fn.Params[0].Type.Shape.Aggregate(1L, (a, d) => a * d.Constant) : 0;

    private PimccError Unsupported(string where, string what) =>
        new(ExitCode.UnsupportedOperator, $"@{_fn.Name}: {where}", $"hyflexpim lowering: {what}",
            "the hyflexpim backend lowers decoder transformers (embeddings, linears, attention, norms, GELU/SiLU, rotary, residuals)");

    /// <summary>Each op's home PU: the first PU of its stage.</summary>
    public static int[] Homes(ChipLayout layout, Function fn)
    {
        var homes = new int[fn.Body.Length];
        long stage = 0;
        for (var i = 0; i < fn.Body.Length; i++)
        {
            var op = fn.Body[i];
            if (op.Opcode == "attention" && op.Attrs.ContainsKey(A.Stage)) stage = op.Attrs.Int(A.Stage);
            else if (op.Opcode == "linear" && op.Operands[1].Kind == OperandKind.Weight && layout.Module.FindWeight(op.Operands[1].Name) is { } w
                     && w.Attrs.ContainsKey(A.Stage))
                stage = w.Attrs.Int(A.Stage);
            homes[i] = layout.Home(stage);
        }
        return homes;
    }

    /// <summary>Places the parameters every op of <paramref name="fn"/> reads (before any program takes window space).</summary>
    public static void PlaceParams(ChipLayout layout, Function fn)
    {
        var homes = Homes(layout, fn);
        for (var i = 0; i < fn.Body.Length; i++)
            ParamsOf(layout, fn.Body[i], homes[i]);
    }

    /// <summary>The unit where the parameters an SFU op reads lie in its PU's window (-1: none).</summary>
    private static long ParamsOf(ChipLayout layout, Operation op, int pu)
    {
        var weights = op.Opcode is "linear" or "embedding" ? [] : op.Operands.Where(o => o.Kind == OperandKind.Weight).Select(o => o.Name).ToList();
        if (op.Opcode == "rotary")
        {
            // cos and sin rows of rotary_dim / 2 per position, for every position the programs reach.
            var table = RotaryTable.For(layout.Module, op);
            return layout.Param(pu, table.Name, [table.Name], [table.Length(RotaryTable.Positions(layout.Module))]);
        }
        if (weights.Count == 0) return -1;
        var lengths = weights.Select(n => layout.Module.FindWeight(n)!.Type.Shape.Aggregate(1L, (a, d) => a * d.Constant)).ToList();
        return layout.Param(pu, string.Join('|', weights), weights, lengths);
    }

    public void Lower(string entry)
    {
        _layout.StartProgram(entry);
        var homes = Homes(_layout, _fn);
        var kept = Kept();
        ComputeLastUses(kept);
        for (var i = 0; i < _fn.Body.Length; i++)
        {
            if (kept[i] == Keep.None) continue;
            var op = _fn.Body[i];
            if (kept[i] == Keep.KvWrites) KvWrites(op, homes[i]);
            else if (op.Opcode == "linear" && Dequantisation(i) is { } deq)
            {
                Linear(op, homes[i], deq);
                kept[i + 1] = Keep.None; // lowered with the linear
            }
            else LowerOp(op, homes[i]);
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Value))
                if (_lastUse.GetValueOrDefault(Root(o.Name)) == i) Release(Root(o.Name));
        }
        if (_kvOnly) return;
        foreach (var r in _fn.Returns)
        {
            var v = Value(r.Name);
            var link = _layout.Stream(HyflexpimStreams.Link, v.Pu);
            Issue(link, [v], [], () => link.Emit("io.out", v.Start, v.Units));
        }
    }

    /// <summary>What of an op a program lowers.</summary>
    private enum Keep { None, KvWrites, All }

    /// <summary>Every op, or (a chunk before the last) the ops the KV writes depend on: walking back from the end, an
    /// attention always writes its K and V rows and computes its output only when a later kept op reads it; any other op
    /// is kept when a kept op reads its result.</summary>
    private Keep[] Kept()
    {
        var kept = new Keep[_fn.Body.Length];
        if (!_kvOnly) return Array.ConvertAll(kept, _ => Keep.All);
        var live = new HashSet<string>(StringComparer.Ordinal);
        for (var i = _fn.Body.Length - 1; i >= 0; i--)
        {
            var op = _fn.Body[i];
            var needed = live.Contains(op.Result.Name);
            kept[i] = needed ? Keep.All : op.Opcode == "attention" ? Keep.KvWrites : Keep.None;
            var reads = kept[i] == Keep.KvWrites ? op.Operands.Skip(1).Take(2) : kept[i] == Keep.All ? op.Operands : [];
            foreach (var o in reads.Where(o => o.Kind == OperandKind.Value)) live.Add(o.Name);
        }
        return kept;
    }

    /// <summary>The dequantisation (<c>mul</c> by the weight's scales) that alone reads linear <paramref name="i"/>'s
    /// i32 sums, when those sums of all the run's rows would take more than a block of the window: the SFU then
    /// dequantises each row block's sums as they come, and the i32 sums never sit whole in the window.</summary>
    private Operation? Dequantisation(int i)
    {
        if (i + 1 >= _fn.Body.Length) return null;
        var (op, next) = (_fn.Body[i], _fn.Body[i + 1]);
        if (next.Opcode != "mul" || next.Operands.Length != 2 || next.Operands[0].Kind != OperandKind.Value || next.Operands[0].Name != op.Result.Name
            || next.Operands[1].Kind != OperandKind.Weight || _lastUse.GetValueOrDefault(op.Result.Name) != i + 1
            || _fn.Body.Skip(i + 2).Any(o => o.Operands.Any(x => x.Kind == OperandKind.Value && x.Name == op.Result.Name))
            || _fn.Returns.Any(r => r.Name == op.Result.Name))
            return null;
        var sums = Rows(op.Result) * BufferValue.UnitsOf(Len(op.Result) * I32) * HyflexpimFormats.BufferUnitBytes;
        return sums > BlockBytes ? next : null;
    }

    private string Root(string name) => _aliasOf.TryGetValue(name, out var r) ? Root(r) : name;

    private void ComputeLastUses(Keep[] kept)
    {
        for (var i = 0; i < _fn.Body.Length; i++)
        {
            var op = _fn.Body[i];
            if (kept[i] == Keep.None) continue;
            if (op.Opcode == "last_token") _aliasOf[op.Result.Name] = op.Operands[0].Name;
            var reads = kept[i] == Keep.KvWrites ? op.Operands.Skip(1).Take(2) : op.Operands;
            foreach (var o in reads.Where(o => o.Kind == OperandKind.Value)) _lastUse[Root(o.Name)] = i;
        }
        if (!_kvOnly)
            foreach (var r in _fn.Returns) _lastUse[Root(r.Name)] = int.MaxValue;
    }

    private PuWindow Window(int pu)
    {
        if (!_windows.TryGetValue(pu, out var w)) _windows[pu] = w = new PuWindow(pu, _layout.ParamUnits(pu));
        return w;
    }

    /// <summary>The highest window unit each PU's values reached in this program.</summary>
    public IEnumerable<(int Pu, long Units)> HighWater => _windows.Values.Select(w => (w.Pu, w.HighWater));

    private BufferValue Allocate(int pu, long rows, long length, int elementBytes, string what)
    {
        var probe = new BufferValue(pu, 0, rows, length, elementBytes);
        var (start, touched) = Window(pu).Allocate(probe.Units, what);
        var v = new BufferValue(pu, start, rows, length, elementBytes);
        v.Prior.AddRange(touched);
        return v;
    }

    /// <summary>Frees a value's blocks (and those of the values that alias one of its rows) after its last use.</summary>
    private void Release(string name)
    {
        foreach (var alias in _aliasOf.Keys.Where(a => Root(a) == name).ToList()) ReleaseOne(alias);
        ReleaseOne(name);
    }

    private void ReleaseOne(string name)
    {
        if (!_values.Remove(name, out var v)) return;
        foreach (var b in Blocks(v).Where(b => b.Owner is null))
            Window(b.Pu).Free(b.Start, b.Units, [.. b.Prior, .. b.Writers, .. b.Readers]);
    }

    /// <summary>A value's block and those of its copies and quantised forms (and theirs).</summary>
    private static IEnumerable<BufferValue> Blocks(BufferValue v)
    {
        yield return v;
        foreach (var b in v.Copies.Values.SelectMany(Blocks)) yield return b;
        if (v.Quantized is { } q)
            foreach (var b in Blocks(q.Values).Concat(Blocks(q.Scales))) yield return b;
    }

    private BufferValue Value(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw Unsupported($"%{name}", "a value that is not in any PU's buffer (a program input other than the token ids)");

    /// <summary>Emits one instruction on <paramref name="stream"/> after what it depends on: the writers of what it
    /// reads, the previous users of the blocks it writes.</summary>
    private Access Issue(StreamCode stream, IReadOnlyList<BufferValue> reads, IReadOnlyList<BufferValue> writes, Func<Access> emit)
    {
        _edges.Wait(stream, [.. reads.SelectMany(r => r.Writers), .. writes.SelectMany(w => w.Prior)]);
        var a = emit();
        foreach (var r in reads)
        {
            r.Readers.Add(a);
            r.Owner?.Readers.Add(a); // the owner's block is freed with everyone who read any row of it
        }
        foreach (var w in writes) w.Writers.Add(a);
        return a;
    }

    /// <summary>The value on <paramref name="pu"/>: itself, or a copy sent over the interconnect (same chip) or PCIe.</summary>
    private BufferValue At(BufferValue v, int pu)
    {
        if (v.Pu == pu) return v;
        if (v.Copies.TryGetValue(pu, out var c)) return c;
        var copy = Allocate(pu, v.Rows, v.Length, v.ElementBytes, "a copy of a value");
        Send(v, copy, _layout.Chip(v.Pu) == _layout.Chip(pu) ? "noc.send" : "pcie.send");
        v.Copies[pu] = copy;
        return copy;
    }

    /// <summary>Sends all of <paramref name="src"/> into <paramref name="dst"/> on another PU, in sends of at most 4,095 units.</summary>
    private void Send(BufferValue src, BufferValue dst, string mnemonic, long dstStart = -1)
    {
        var link = _layout.Stream(HyflexpimStreams.Link, src.Pu);
        var at = dstStart < 0 ? dst.Start : dstStart;
        const long Chunk = 4095;
        Issue(link, [src], [dst], () =>
        {
            Access last = default;
            for (long off = 0; off < src.Units; off += Chunk)
                last = link.Emit(mnemonic, dst.Pu, src.Start + off, at + off, Math.Min(Chunk, src.Units - off));
            return last;
        });
    }

    /// <summary>Rows of a value in one run: a token-major value (leading dimension = the function's tokens) has the run's
    /// tokens (a chunk's, when the prompt goes through in chunks).</summary>
    private long Rows(Value v)
    {
        var shape = v.Type.Shape;
        if (shape.Length <= 1) return 1;
        var rows = shape.Take(shape.Length - 1).Aggregate(1L, (a, d) => a * Const(d, v));
        return _tokens != _fnTokens && Const(shape[0], v) == _fnTokens ? rows / _fnTokens * _tokens : rows;
    }
    private long Len(Value v) => v.Type.Shape.Length == 0 ? 1 : Const(v.Type.Shape[^1], v);

    private long Const(SymExpr d, Value v) => d.IsConstant ? d.Constant : throw Unsupported($"%{v.Name}", $"a symbolic dimension ({d})");

    private void Define(Operation op, BufferValue v) => _values[op.Result.Name] = v;
}
