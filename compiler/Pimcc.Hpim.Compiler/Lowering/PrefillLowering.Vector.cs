using System.Numerics;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Ir;
using Pimcc.Isa.Sram;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Prefill embeddings, element-wise ops and norms on the VCU, panel by panel (docs/hpim-lowering.md, "Prefill").</summary>
internal sealed partial class PrefillLowering
{
    /// <summary>Panels (tau, kappa) of a value with <paramref name="chunks"/> chunks that core c works on (dealt round-robin).</summary>
    private IEnumerable<(long Tau, long Kappa)> PanelsOf(CoreCode c, string value, long chunks)
    {
        for (long p = c.Core; p < _s.BlocksOf(value) * chunks; p += cores.Length) yield return (p / chunks, p % chunks);
    }

    /// <summary>
    /// The last prompt position (r28 - 1, docs/hpim-abi.md: the prompt may be shorter than compiled) of every panel
    /// becomes column 0 of a one-token value (an <c>mv.2d</c> of one element per feature row). Its token block and
    /// column are found at run time: from block 0 and column r28 - 1, every further block the prompt reaches moves the
    /// panel one token-block stride on (same channel) and the column back by B.
    /// </summary>
    private void LastToken(CoreCode c, Operation op)
    {
        var src = op.Operands[0].Name;
        var n = FeaturesOf(src);
        var chunks = HbmRowBudget.Ceil(n, l.ElementsPerPage);
        var a = Take(_s.PanelBytes);
        var b = Take(_s.PanelBytes);
        const int Offset = 15, Column = 16;
        c.I("add", Offset, Reg.Zero, Reg.Zero);
        c.I("addi", Column, Reg.Prompt, -1);
        for (long tau = 1; tau < _s.BlocksOf(src); tau++)
            InPrompt(c, tau, Reg.T0, () =>
            {
                c.Li(Reg.T0, _s.TokenBlockStride(src));
                c.I("add", Offset, Offset, Reg.T0);
                c.Li(Reg.T0, Tb);
                c.I("sub", Column, Column, Reg.T0);
            });
        c.Li(Reg.T4, Element);
        c.I("mul", Column, Column, Reg.T4);                                // the column's byte offset in a panel row
        foreach (var (_, kappa) in PanelsOf(c, op.Result.Name, chunks))
        {
            var rows = RowsIn(n, kappa);
            var (ch, off) = _s.Panel(src, 0, kappa);
            Hbm(c, "hbm.ld", a, ch, _scratchBase + off, rows * Tb * Element, Offset);
            c.Li(Reg.T0, b);
            c.Li(Reg.T1, a);
            c.I("add", Reg.T1, Reg.T1, Column);
            c.Li(Reg.T2, SramLayout.Pack(rows, Element));
            c.Li(Reg.T3, SramLayout.Pack(Tb * Element, Tb * Element));
            c.I("mv.2d", Reg.T0, Reg.T1, Reg.T2, Reg.T3);
            PanelRows(c, "hbm.st", op.Result.Name, 0, kappa, 0, rows, b);
        }
    }

    /// <summary>
    /// Embedding rows for the prompt, one panel per step: per token of the block the token id (<c>lw</c> from
    /// <c>prefill.tokens</c>) or position gives the table row; its page-sized chunk kappa is one <c>hbm.ld</c>
    /// (decode's table layouts); the [tokens x page] staging tile is transposed into the feature-major panel.
    /// </summary>
    private void Embedding(CoreCode c, Operation op)
    {
        var table = m.FindWeight(op.Operands[1].Name)!;
        var width = table.Type.Shape[1].Constant;
        var ids = op.Operands[0].Name;
        var fromTokens = _f.Params.Any(p => p.Name == ids);
        if (!fromTokens && !_index.ContainsKey(ids)) throw Unsupported(op, "embedding indices must be the prompt's token ids or position ids");
        var pe = l.ElementsPerPage;
        var chunks = HbmRowBudget.Ceil(width, pe);
        var linear = m.Functions.SelectMany(f => f.Body).Any(o => HpimTileWeights.IsWeightLinear(o) && o.Operands[1].Name == table.Name);
        var stage = Take(Tb * l.Page);
        var panel = Take(_s.PanelBytes);
        const int Id = 15, Ptr = 16, Dst = 17;
        foreach (var (tau, kappa) in PanelsOf(c, op.Result.Name, chunks)) InPrompt(c, tau, Reg.T0, () =>
        {
            var rows = RowsIn(width, kappa);
            c.Li(Dst, stage);
            if (fromTokens) c.Li(Ptr, _tokensAddr + tau * Tb * 4);
            else c.Li(Id, tau * Tb + _index[ids].Add);
            c.Loop(Reg.L0, _s.TokensIn(tau), () =>
            {
                if (fromTokens)
                {
                    c.I("lw", Id, Ptr);
                    c.I("addi", Ptr, Ptr, 4);
                }
                l.EmitStripe(c, Id);                                      // T2 = slot / local feature, T3 = channel
                if (linear)
                {
                    // GEMV layout: local feature f -> bank f mod banks, rows base + (f / banks) x chunks + kappa
                    l.EmitGemvFeatureOffset(c, chunks);
                    c.Li(Reg.T6, l.RowAddress(HbmLayout.Row(table) + kappa));
                }
                else
                {
                    var rowBytes = l.PaddedRowBytes(width);
                    c.Li(Reg.T5, rowBytes);
                    c.I("mul", Reg.T5, Reg.T2, Reg.T5);
                    c.Li(Reg.T6, l.RowAddress(HbmLayout.Row(table)) + kappa * l.Page);
                }
                c.I("add", Reg.T5, Reg.T5, Reg.T6);
                c.Li(Reg.T6, rows * Element);
                c.I("hbm.ld", Dst, Reg.T5, Reg.T6, Reg.T3);
                c.Li(Reg.T6, l.Page);
                c.I("add", Dst, Dst, Reg.T6);
                if (!fromTokens) c.I("addi", Id, Id, 1);
            });
            c.Li(Reg.T0, panel);
            c.Li(Reg.T1, stage);
            c.Li(Reg.T2, SramLayout.Pack(Tb, pe));
            c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                       // [tokens x page] -> [page x tokens]
            PanelRows(c, "hbm.st", op.Result.Name, tau, kappa, 0, rows, panel);
        });
    }

    /// <summary>Element-wise ops panel by panel (same layout for operands and result; no broadcasting).</summary>
    private void Elementwise(CoreCode c, Operation op)
    {
        if (op.Operands.Any(o => o.Kind != OperandKind.Value)) throw Unsupported(op, "element-wise ops with weight operands are not lowered");
        if (op.Operands.Any(o => _types[o.Name].ElementCount != op.Result.Type.ElementCount))
            throw Unsupported(op, "broadcasting element-wise ops are not lowered");
        var n = FeaturesOf(op.Result.Name);
        var chunks = HbmRowBudget.Ceil(n, l.ElementsPerPage);
        var a = Take(_s.PanelBytes);
        var b = op.Operands.Length > 1 ? Take(_s.PanelBytes) : a;
        foreach (var (tau, kappa) in PanelsOf(c, op.Result.Name, chunks)) InPrompt(c, tau, Reg.T0, () =>
        {
            var rows = RowsIn(n, kappa);
            PanelRows(c, "hbm.ld", op.Operands[0].Name, tau, kappa, 0, rows, a);
            if (op.Operands.Length > 1) PanelRows(c, "hbm.ld", op.Operands[1].Name, tau, kappa, 0, rows, b);
            c.Li(Reg.T4, a);
            c.Li(Reg.T5, b);
            c.Li(Reg.T6, rows * Tb);
            if (op.Operands.Length > 1)
            {
                var mn = op.Opcode switch { "add" => "vadd", "sub" => "vsub", "mul" => "vmul", _ => "vdiv" };
                c.I(mn, Reg.T4, Reg.T4, Reg.T5, Reg.T6, _dt);
            }
            else if (op.Opcode == "soft_cap") ScoreTerms.SoftCap(c, consts, Reg.T4, Reg.T6, Reg.T5, op.Attrs.Float("cap"), _dt);
            else c.I(op.Opcode switch { "relu" => "vrelu", "gelu" => "vgelu", _ => "vsilu" }, Reg.T4, Reg.T4, Reg.T6, _dt);
            PanelRows(c, "hbm.st", op.Result.Name, tau, kappa, 0, rows, a);
        });
    }

    /// <summary>
    /// LayerNorm / RMSNorm over the features of each token. The cores form groups of k (a power of two, k x blocks
    /// &lt;= cores); group i takes token blocks i, i + cores / k, ...; core j of a group takes the chunks kappa = j mod k
    /// of the block. Each core loads its panels once and keeps them transposed to token-major rows (<c>tr</c>): per
    /// token the sums (<c>vsum</c>) are all-reduced over the group (<c>noc.ar</c>) into the mean, then the sums of
    /// squares of the centred rows (<c>vdot</c>) into the variance; the kept rows are normalised, scaled and shifted,
    /// transposed back and stored.
    /// </summary>
    private void Norm(CoreCode c, Operation op)
    {
        var n = FeaturesOf(op.Result.Name);
        var pe = l.ElementsPerPage;
        var chunks = HbmRowBudget.Ceil(n, pe);
        var ln = op.Opcode == "layer_norm";
        var blocks = _s.BlocksOf(op.Result.Name);
        var k = 1L << System.Numerics.BitOperations.Log2((ulong)Math.Max(1, cores.Length / blocks));
        k = Math.Min(k, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)chunks));
        var groupsOf = cores.Length / k;
        long gi = c.Core / k, j = c.Core % k;
        var mask = ((1L << (int)k) - 1) << (int)(gi * k);
        var mine = Enumerable.Range(0, (int)HbmRowBudget.Ceil(chunks - j, k)).Select(i => j + i * k).Where(x => x < chunks).ToList();
        // gamma and beta are optional (a non-parametric layer_norm has neither)
        var gamma = op.Operands.Length > 1 ? m.FindWeight(op.Operands[1].Name) : null;
        var beta = op.Operands.Length > 2 ? m.FindWeight(op.Operands[2].Name) : null;
        var gBuf = gamma is null ? -1 : Take(VectorBytes(gamma));
        var bBuf = beta is null ? -1 : Take(VectorBytes(beta));
        var fm = Take(_s.PanelBytes);
        var kept = Take(HbmRowBudget.Ceil(chunks, k) * _s.PanelBytes);
        var vec = LocalBuffers.Round(Tb * Element);
        var mean = Take(vec);
        var sq = Take(vec);
        var part = Take(vec);
        var inv = consts.Address(1.0 / n);
        var eps = consts.Address(op.Attrs.FloatOr("eps", 1e-5));
        var zero = consts.Address(0.0);
        if (gi >= groupsOf) return;
        if (gamma is not null) LoadVector(c, gamma, gBuf);
        if (beta is not null) LoadVector(c, beta, bBuf);
        var x = op.Operands[0].Name;
        const int Row = 15, Out = 16, Mean = 17, Rows = 18;
        for (var tau = gi; tau < blocks; tau += groupsOf) InPrompt(c, tau, Reg.T0, () =>
        {
            var tokens = _s.TokensIn(op.Result.Name, tau);
            for (var i = 0; i < mine.Count; i++)
            {
                var rows = RowsIn(n, mine[i]);
                PanelRows(c, "hbm.ld", x, tau, mine[i], 0, rows, fm);
                c.Li(Reg.T0, kept + i * _s.PanelBytes);
                c.Li(Reg.T1, fm);
                c.Li(Reg.T2, SramLayout.Pack(rows, Tb));
                c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                   // [tokens x rows]
            }
            // per kept panel, per token row: perRow (Row = the row, Out/Mean = this token's slot in sq/part and mean)
            void KeptRows(int i, long outBase, Action perRow)
            {
                var rows = RowsIn(n, mine[i]);
                c.Li(Row, kept + i * _s.PanelBytes);
                c.Li(Out, outBase);
                c.Li(Mean, mean);
                c.Li(Rows, rows);
                c.Loop(Reg.L0, tokens, () =>
                {
                    perRow();
                    c.Li(Reg.T0, rows * Element);
                    c.I("add", Row, Row, Reg.T0);
                    c.I("addi", Mean, Mean, Element);
                    c.I("addi", Out, Out, Element);
                });
            }
            void EachRow(long outBase, Action perRow)
            {
                for (var i = 0; i < mine.Count; i++) KeptRows(i, outBase, perRow);
            }
            // sum of per-token partials over this core's panels, then over the group
            void Reduce(long dst, Action perRow)
            {
                c.Li(Reg.T0, dst);
                c.Li(Reg.T1, zero);
                c.Li(Reg.T2, Tb);
                c.I("vfill", Reg.T0, Reg.T1, Reg.T2, _dt);
                for (var i = 0; i < mine.Count; i++)
                {
                    KeptRows(i, part, perRow);
                    c.Li(Reg.T0, dst);
                    c.Li(Reg.T1, part);
                    c.Li(Reg.T2, tokens);
                    c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, _dt);
                }
                if (k > 1)
                {
                    c.Li(Reg.T0, dst);
                    c.Li(Reg.T2, Tb);
                    c.Li(Reg.T3, mask);
                    c.I("noc.ar", Reg.T0, Reg.T0, Reg.T2, Reg.T3, 0, _dt);
                }
            }
            if (ln)
            {
                Reduce(mean, () => c.I("vsum", Out, Row, Rows, _dt));
                c.Li(Reg.T0, mean);
                c.Li(Reg.T5, inv);
                c.Li(Reg.T7, tokens);
                c.I("vmul.s", Reg.T0, Reg.T0, Reg.T5, Reg.T7, _dt);      // mean per token
                EachRow(sq, () => c.I("vsub.s", Row, Row, Mean, Rows, _dt)); // centre the kept rows once
            }
            Reduce(sq, () => c.I("vdot", Out, Row, Row, Rows, _dt));
            c.Li(Reg.T0, sq);
            c.Li(Reg.T5, inv);
            c.Li(Reg.T6, eps);
            c.Li(Reg.T7, tokens);
            c.I("vmul.s", Reg.T0, Reg.T0, Reg.T5, Reg.T7, _dt);          // variance (mean square)
            c.I("vadd.s", Reg.T0, Reg.T0, Reg.T6, Reg.T7, _dt);          // + eps
            c.I("vrsqrt", Reg.T0, Reg.T0, Reg.T7, _dt);                  // rstd per token
            for (var i = 0; i < mine.Count; i++)
            {
                var k0 = mine[i];
                var rows = RowsIn(n, k0);
                c.Li(Row, kept + i * _s.PanelBytes);
                c.Li(Out, sq);
                c.Li(Rows, rows);
                if (gBuf >= 0) c.Li(Reg.T8, gBuf + k0 * pe * Element);  // a non-parametric LayerNorm has no scale
                if (bBuf >= 0) c.Li(Reg.T9, bBuf + k0 * pe * Element);   // RMSNorm has no shift
                c.Loop(Reg.L0, tokens, () =>
                {
                    c.I("vmul.s", Row, Row, Out, Rows, _dt);
                    if (gBuf >= 0) c.I("vmul", Row, Row, Reg.T8, Rows, _dt);
                    if (bBuf >= 0) c.I("vadd", Row, Row, Reg.T9, Rows, _dt);
                    c.Li(Reg.T0, rows * Element);
                    c.I("add", Row, Row, Reg.T0);
                    c.I("addi", Out, Out, Element);
                });
                c.Li(Reg.T0, fm);
                c.Li(Reg.T1, kept + i * _s.PanelBytes);
                c.Li(Reg.T2, SramLayout.Pack(Tb, rows));
                c.I("tr", Reg.T0, Reg.T1, Reg.T2, _dt);                   // back to [rows x tokens]
                PanelRows(c, "hbm.st", op.Result.Name, tau, k0, 0, rows, fm);
            }
        });
    }
}
