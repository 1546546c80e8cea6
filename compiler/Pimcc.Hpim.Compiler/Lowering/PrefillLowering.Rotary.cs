using Pimcc.Ir;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Rotary embeddings in prefill (docs/hpim-lowering.md, "Rotary embeddings"), from the same cos/sin tables decode
/// reads (<see cref="RopeTable"/>). Panel by panel: the cos and sin rows of the block's positions (row p on channel
/// p mod channels) are loaded token-major and transposed into feature-major [rotary_dim x tokens] factors, the first
/// half of sin negated. The work unit of token block τ and chunk κ is the run of whole heads whose first feature lies
/// in panel κ: with head_dim dividing the panel's features that is the panel itself; otherwise (Phi-3's head_dim 96
/// in 512-feature panels) a head straddling two panels belongs to the run of the panel it starts in, and its rows are
/// moved in two pieces (<see cref="FeatureRows"/>). Rows are feature-major, so the halves x1, x2 of a head are two
/// contiguous runs of rows: rotate_half(x) = (x2, x1) is two <c>mv</c>, and y = x · cos + rotate_half(x) · (−sin, sin)
/// two <c>vmul</c> and a <c>vadd</c> over rotary_dim x tokens elements. Channels past rotary_dim pass through.
/// </summary>
internal sealed partial class PrefillLowering
{
    private void Rotary(CoreCode c, Operation op)
    {
        if (!op.Attrs.ContainsKey(HpimAttrs.RopeTableName)) throw Unsupported(op, RopeTable.Unsupported(op) ?? "the rotary op has no cos/sin table (run hpim-plan-memory)");
        var start = op.Attrs.Expr("start");
        if (!start.IsConstant) throw Unsupported(op, $"prefill rotary start '{start}' is not a constant");
        var table = RopeTable.Of(op, RopeTable.PositionsOf(m));
        long e = Element, d = op.Attrs.Int("head_dim"), rd = table.RotaryDim, half = rd / 2, pe = l.ElementsPerPage;
        var n = FeaturesOf(op.Result.Name);
        if (n % d != 0) throw Unsupported(op, $"{n} features are not whole heads of {d}");
        var chunks = HbmRowBudget.Ceil(n, pe);
        long row = op.Attrs.Int(HpimAttrs.RopeRow), rows = op.Attrs.Int(HpimAttrs.RopeRows);
        var padded = l.PaddedRowBytes((int)rd);
        l.CheckFits($"rope table {table.Name}", HbmRowBudget.Ceil(table.Positions, l.Channels) * padded, rows);

        var stage = Take(Tb * rd * e);
        var cos = Take(rd * Tb * e);
        var sin = Take(rd * Tb * e);
        // heads h with h·d in [κ·pe, (κ+1)·pe): rows [first, first + count) of the value (at most one head into panel κ + 1)
        (long First, long Count) Run(long kappa)
        {
            var first = HbmRowBudget.Ceil(kappa * pe, d) * d;
            return (first, Math.Min(HbmRowBudget.Ceil((kappa + 1) * pe, d) * d, n) - first);
        }
        var longest = Enumerable.Range(0, (int)chunks).Max(k => Run(k).Count);
        var x = Take(Math.Max(_s.PanelBytes, longest * Tb * e));
        var rot = Take(rd * Tb * e);
        long loadedTau = -1;
        const int Pos = 15, Dst = 17;
        foreach (var (tau, kappa) in PanelsOf(c, op.Result.Name, chunks)) InPrompt(c, tau, Reg.T0, () =>
        {
            var (first, count) = Run(kappa);
            if (count <= 0) return;                                            // head_dim > panel: no head starts here
            if (tau != loadedTau)
            {
                foreach (var (tableRow, factor) in new[] { (row, cos), (row + rows, sin) })
                {
                    // token j of the block: position start + tau x B + j, row slot position / channels on channel position mod channels
                    c.Li(Pos, start.Constant + tau * Tb);
                    c.Li(Dst, stage);
                    c.Loop(Reg.L0, _s.TokensIn(tau), () =>
                    {
                        l.EmitStripe(c, Pos);                                 // T2 = slot, T3 = channel
                        c.Li(Reg.T5, padded);
                        c.I("mul", Reg.T5, Reg.T2, Reg.T5);
                        c.Li(Reg.T6, l.RowAddress(tableRow));
                        c.I("add", Reg.T5, Reg.T5, Reg.T6);
                        c.Li(Reg.T6, rd * e);
                        c.I("hbm.ld", Dst, Reg.T5, Reg.T6, Reg.T3);
                        c.I("add", Dst, Dst, Reg.T6);
                        c.I("addi", Pos, Pos, 1);
                    });
                    c.Li(Reg.T0, factor);
                    c.Li(Reg.T1, stage);
                    c.Li(Reg.T2, SramLayout.Pack(Tb, rd));
                    c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);               // [tokens x rotary_dim] -> [rotary_dim x tokens]
                }
                c.Li(Reg.T0, sin);
                c.Li(Reg.T1, consts.Address(-1));
                c.Li(Reg.T2, half * Tb);
                c.I("vmul.s", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);       // (-sin, sin)
                loadedTau = tau;
            }
            FeatureRows(c, "hbm.ld", op.Operands[0].Name, tau, first, count, x);
            for (long h = 0; h < count / d; h++)
            {
                var xh = x + h * d * Tb * e;
                c.Li(Reg.T2, half * Tb * e);
                c.Li(Reg.T0, rot);
                c.Li(Reg.T1, xh + half * Tb * e);
                c.I("mv", Reg.T0, Reg.T1, Reg.T2);                           // rot[:half] = x2
                c.Li(Reg.T0, rot + half * Tb * e);
                c.Li(Reg.T1, xh);
                c.I("mv", Reg.T0, Reg.T1, Reg.T2);                           // rot[half:] = x1
                c.Li(Reg.T0, rot);
                c.Li(Reg.T1, sin);
                c.Li(Reg.T2, rd * Tb);
                c.I("vmul", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);            // (-x2 sin, x1 sin)
                c.Li(Reg.T0, xh);
                c.Li(Reg.T1, cos);
                c.I("vmul", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);            // x cos
                c.Li(Reg.T1, rot);
                c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);
            }
            FeatureRows(c, "hbm.st", op.Result.Name, tau, first, count, x);
        });
    }
}
