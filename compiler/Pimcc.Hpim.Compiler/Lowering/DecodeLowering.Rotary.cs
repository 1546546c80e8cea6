using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Rotary embeddings in decode (docs/hpim-lowering.md, "Rotary embeddings"). The ISA has no sin/cos: the compiler
/// writes cos/sin tables into HBM (<see cref="RopeTable"/>, placed by hpim-plan-memory). Once per decode step every
/// core loads the row of the step's position with <c>hbm.ld</c> (row p sits on channel p mod channels), negates the
/// first half of the sin row and broadcasts both rows over the heads with <c>mv.2d</c> (source stride 0). Each rotary
/// op is then five instructions per run of heads: two <c>mv.2d</c> build rotate_half(x) = (x2, x1), and
/// y = x · cos + rotate_half(x) · (−sin, sin) is two <c>vmul</c> and a <c>vadd</c>, i.e. (x1 · cos − x2 · sin,
/// x2 · cos + x1 · sin). A core rotates only the heads its attention uses (the query heads of its phases, the KV
/// heads whose new key it appends); a rotary result read by anything else is rotated for every head.
/// </summary>
internal sealed partial class DecodeLowering
{
    /// <summary>One loaded position of one table: its two row buffers and the broadcast [heads x head_dim] factors.</summary>
    private sealed record RopeRows(Operation First, RopeTable Table, long Row, long Rows, int PositionReg, long PositionAdd, long HeadDim, long Heads,
        long CosRow, long SinRow, long CosBroadcast, long SinBroadcast);

    private readonly Dictionary<string, RopeRows> _rope = new(StringComparer.Ordinal);
    private long _rot;

    private static string RopeKey(Operation op) => op.Attrs.StrOr(HpimAttrs.RopeTableName, "") + "@" + op.Attrs.Expr("start") + "/" + op.Attrs.Int("head_dim");

    private void AllocateRopeScratch(IReadOnlyList<Operation> body)
    {
        var ops = body.Where(o => o.Opcode == "rotary").ToList();
        if (ops.Count == 0) return;
        var positions = RopeTable.PositionsOf(_m);
        foreach (var g in ops.GroupBy(RopeKey, StringComparer.Ordinal))
        {
            var op = g.First();
            var table = RopeTable.Of(op, positions); // reports what the tables cannot express
            if (!op.Attrs.ContainsKey(HpimAttrs.RopeTableName)) throw Unsupported(op, RopeTable.Unsupported(op) ?? "the rotary op has no cos/sin table (run hpim-plan-memory)");
            var start = op.Attrs.Expr("start");
            var kvTerm = start.Terms.Count == 1 && start.Terms.TryGetValue("kv", out var coef) && coef == 1;
            if (!start.IsConstant && !kvTerm) throw Unsupported(op, $"rotary start '{start}' is neither a constant nor kv + constant");
            long d = op.Attrs.Int("head_dim"), heads = g.Max(o => o.Attrs.Int("heads")), rowBytes = table.RotaryDim * (long)_l.Element;
            var name = op.Attrs.Str(HpimAttrs.RopeTableName);
            _rope[g.Key] = new RopeRows(op, table, op.Attrs.Int(HpimAttrs.RopeRow), op.Attrs.Int(HpimAttrs.RopeRows),
                start.IsConstant ? Reg.Zero : Reg.Kv, start.Constant, d, heads,
                _buf.Allocate($"{name}.cos_row", rowBytes, RegionKind.Scratch), _buf.Allocate($"{name}.sin_row", rowBytes, RegionKind.Scratch),
                _buf.Allocate($"{name}.cos", heads * d * _l.Element, RegionKind.Scratch), _buf.Allocate($"{name}.sin", heads * d * _l.Element, RegionKind.Scratch));
        }
        _rot = _buf.Allocate("rope.rotated", ops.Max(o => o.Attrs.Int("heads") * o.Attrs.Int("head_dim")) * _l.Element, RegionKind.Scratch);
    }

    /// <summary>Loads and broadcasts the position's cos/sin rows once per decode step (every layer rotates at the same position).</summary>
    private void RopePrologue(IReadOnlyList<Operation> body)
    {
        foreach (var r in _rope.Values.OrderBy(r => _opIndex[r.First.Id]))
        {
            foreach (var c in _cores)
            {
                c.BeginOp(_idBase + _opIndex[r.First.Id], r.First.Id);
                RopeLoad(c, r);
            }
        }
        foreach (var c in _cores) c.EndOp();
    }

    private void RopeLoad(CoreCode c, RopeRows r)
    {
        var e = _l.Element;
        var rd = r.Table.RotaryDim;
        var padded = _l.PaddedRowBytes(rd);
        _l.CheckFits($"rope table {r.Table.Name}", HbmRowBudget.Ceil(r.Table.Positions, _l.Channels) * padded, r.Rows);
        c.I("addi", Reg.T0, r.PositionReg, r.PositionAdd);              // position
        _l.EmitStripe(c, Reg.T0);                                      // T2 = slot, T3 = channel
        Li(c, Reg.T5, padded);
        c.I("mul", Reg.T5, Reg.T2, Reg.T5);
        Li(c, Reg.T7, rd * e);
        foreach (var (row, dst) in new[] { (r.Row, r.CosRow), (r.Row + r.Rows, r.SinRow) })
        {
            Li(c, Reg.T6, _l.RowAddress(row));
            c.I("add", Reg.T6, Reg.T6, Reg.T5);
            Li(c, Reg.T4, dst);
            c.I("hbm.ld", Reg.T4, Reg.T6, Reg.T7, Reg.T3);
        }
        Li(c, Reg.T8, _consts.Address(-1));
        Li(c, Reg.T9, rd / 2);
        c.I("vmul.s", Reg.T4, Reg.T4, Reg.T8, Reg.T9, _dt);            // (-sin, sin)
        if (rd < r.HeadDim)
        {
            // channels past rotary_dim pass through: cos 1, sin 0, rotate_half 0
            Li(c, Reg.T2, r.Heads * r.HeadDim);
            foreach (var (dst, value) in new[] { (r.CosBroadcast, 1.0), (r.SinBroadcast, 0.0), (_rot, 0.0) })
            {
                Li(c, Reg.T0, dst);
                Li(c, Reg.T1, _consts.Address(value));
                c.I("vfill", Reg.T0, Reg.T1, Reg.T2, _dt);
            }
        }
        Li(c, Reg.T2, SramLayout.Pack(r.Heads, rd * (long)e));
        Li(c, Reg.T3, SramLayout.Pack(r.HeadDim * e, 0));                    // source stride 0: the same row for every head
        foreach (var (dst, src) in new[] { (r.CosBroadcast, r.CosRow), (r.SinBroadcast, r.SinRow) })
        {
            Li(c, Reg.T0, dst);
            Li(c, Reg.T1, src);
            c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
        }
    }

    private void Rotary(CoreCode c, Operation op)
    {
        var r = _rope[RopeKey(op)];
        long e = _l.Element, d = r.HeadDim, half = r.Table.RotaryDim / 2;
        var rows = ElementsOf(op.Result) / op.Result.Type.Shape[^1].Constant;
        if (rows != 1) throw Unsupported(op, "decode rotary embeddings over more than one row are not lowered");
        long x = Addr(op.Operands[0]), y = Addr(op.Result);
        foreach (var (h0, n) in RotaryHeads(op, c.Core))
        {
            var o = h0 * d * e;
            Li(c, Reg.T2, SramLayout.Pack(n, half * e));
            Li(c, Reg.T3, SramLayout.Pack(d * e, d * e));
            Li(c, Reg.T0, _rot);
            Li(c, Reg.T1, x + o + half * e);
            c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);              // rot[:, :half] = x2
            Li(c, Reg.T0, _rot + half * e);
            Li(c, Reg.T1, x + o);
            c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);              // rot[:, half:] = x1
            Li(c, Reg.T0, _rot);
            Li(c, Reg.T1, r.SinBroadcast);
            Li(c, Reg.T2, n * d);
            c.I("vmul", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);          // (-x2 sin, x1 sin)
            Li(c, Reg.T0, y + o);
            Li(c, Reg.T1, x + o);
            Li(c, Reg.T3, r.CosBroadcast);
            c.I("vmul", Reg.T0, Reg.T1, Reg.T3, Reg.T2, _dt);          // x cos (x may be y: rot already holds it)
            Li(c, Reg.T1, _rot);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);
        }
    }

    /// <summary>
    /// Runs of heads (first, count) core <paramref name="core"/> needs rotated: when the result's only reader is an
    /// attention op, the query heads of the phases the core is active in (operand 0) or the KV heads whose new key it
    /// appends (operand 1); otherwise every head.
    /// </summary>
    private List<(long First, long Count)> RotaryHeads(Operation op, int core)
    {
        var all = new List<(long, long)> { (0, op.Attrs.Int("heads")) };
        var readers = _body.Where(o => o.Operands.Any(x => x.Kind == OperandKind.Value && x.Name == op.Result.Name)).ToList();
        if (readers is not [{ Opcode: "attention" } attn]) return all;
        var slot = Array.FindIndex(attn.Operands.ToArray(), x => x.Name == op.Result.Name);
        if (slot is not (0 or 1) || attn.Operands.Count(x => x.Name == op.Result.Name) != 1) return all;
        long heads = attn.Attrs.Int("heads"), kvHeads = attn.Attrs.Int("kv_heads");
        var perPhase = attn.Attrs.Ints(HpimAttrs.HeadsPerPhase);
        var cph = attn.Attrs.Ints(HpimAttrs.CoresPerHead);
        var runs = new List<(long, long)>();
        long first = 0;
        for (var phase = 0; phase < perPhase.Length; phase++)
        {
            long hp = perPhase[phase], k = cph[phase];
            if (core < hp * k)
            {
                var head = first + core / k;
                if (slot == 0) runs.Add((head, 1));
                else if (core % k == 0 && head % (heads / kvHeads) == 0) runs.Add((head / (heads / kvHeads), 1));
            }
            first += hp;
        }
        return runs;
    }
}
