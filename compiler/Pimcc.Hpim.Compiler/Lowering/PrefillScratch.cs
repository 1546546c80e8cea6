using System.Numerics;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// The HBM activation scratch of the prefill program (docs/hpim-lowering.md, "Prefill"). Prompt activations of
/// large models do not fit a core's local memory (OPT-30B: 256 x 7168 FP16 = 3.5 MiB per value), so every prefill
/// value [tokens, features] lives in HBM as <b>panels</b>: panel (tau, kappa) holds features
/// [kappa x E, (kappa + 1) x E) (E = elements per page, the K chunk of a weight row) of token block tau
/// ([tau x B, (tau + 1) x B), B = <see cref="TokenBlock"/>) feature-major: row r of the panel is feature kappa x E + r,
/// its B tokens contiguous. That is exactly the TCU's B operand of C^T = W . X^T for one weight chunk, so a GEMM
/// reads one contiguous panel per (chunk, token block) and weight tiles need no transpose.
/// Panel g (a value's first panel + tau x S + kappa, S = chunks rounded up to a multiple of the channel count C)
/// sits on channel g mod C at slot g / C of the scratch rows (<c>hpim.prefill_scratch_row</c>, same rows in every
/// channel): the panels of one chunk are on one channel, token block after token block at a constant stride, so
/// the cores step through token blocks with one register add. Values of repeated decoder layers share layer 0's
/// panels (the cores run the layers as one loop), values carried into the next layer share the panels of what
/// layer 0 reads; nothing else is reused, so the size is the sum over one layer plus what lies outside the layers.
/// The memory planner and the lowering both call <see cref="Plan"/>, so the rows reserved are the rows used.
/// </summary>
internal sealed class PrefillScratch
{
    public const string ScratchRow = "hpim.prefill_scratch_row";
    public const string ScratchRows = "hpim.prefill_scratch_rows";
    public const string TokenBlockAttr = "hpim.prefill_token_block";

    private readonly Dictionary<string, (long First, long Chunks, long Tokens)> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _views = new(StringComparer.Ordinal);

    private PrefillScratch(long tokens, long tokenBlock, int pageElements, int channels, int element)
    {
        Tokens = tokens;
        TokenBlock = tokenBlock;
        PageElements = pageElements;
        Channels = channels;
        Element = element;
    }

    public long Tokens { get; }
    public long TokenBlock { get; }
    public int PageElements { get; }
    public int Channels { get; }
    public int Element { get; }
    public long Blocks => HbmRowBudget.Ceil(Tokens, TokenBlock);
    public long PanelBytes => PageElements * TokenBlock * Element;
    public long Panels { get; private set; }
    public long BytesPerChannel => HbmRowBudget.Ceil(Panels, Channels) * PanelBytes;
    public LayerLoop? Loop { get; private set; }
    public long WeightStride { get; private set; }
    public long KvStride { get; private set; }
    public long VectorStride { get; private set; }
    public Dictionary<string, string> Canon { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Valid tokens of block <paramref name="tau"/> of the prompt.</summary>
    public long TokensIn(long tau) => Math.Min(TokenBlock, Tokens - tau * TokenBlock);

    /// <summary>Valid tokens of block <paramref name="tau"/> of a value (the prompt, or one token after <c>last_token</c>).</summary>
    public long TokensIn(string value, long tau) => Math.Min(TokenBlock, _values[Resolve(value)].Tokens - tau * TokenBlock);

    /// <summary>Token blocks of a value.</summary>
    public long BlocksOf(string value) => HbmRowBudget.Ceil(_values[Resolve(value)].Tokens, TokenBlock);

    /// <summary>Token block: as wide as the TCU (one pass covers the block), at most the prompt rounded up to a power of two.</summary>
    public static long TokenBlockFor(long tokens, HpimTarget t) =>
        Math.Min(t.Sram.Tcu.Columns, (long)BitOperations.RoundUpToPowerOf2((ulong)Math.Max(1, tokens)));

    public static PrefillScratch Plan(Module m, Function f, HpimTarget t)
    {
        var tokens = f.Params.Length > 0 ? f.Params[0].Type.ElementCount.Constant : 1;
        var o = t.Hbm.Organization;
        var s = new PrefillScratch(tokens, TokenBlockFor(tokens, t), (int)(o.PageBytes / t.ElementBytes), o.Channels, t.ElementBytes);
        s.Layout(m, f, t);
        return s;
    }

    public bool Has(string value) => _values.ContainsKey(Resolve(value));

    /// <summary>The value whose panels a name stands for (layer 0's, or the source of a same-type cast or reshape).</summary>
    public string Resolve(string value)
    {
        var n = Canon.GetValueOrDefault(value, value);
        while (_views.TryGetValue(n, out var v)) n = Canon.GetValueOrDefault(v, v);
        return n;
    }

    public long ChunksOf(string value) => _values[Resolve(value)].Chunks;

    /// <summary>Channel and in-scratch byte offset of row <paramref name="row"/> of panel (tau, kappa) of a value.</summary>
    public (int Channel, long Offset) Panel(string value, long tau, long kappa, long row = 0)
    {
        var (first, chunks, _) = _values[Resolve(value)];
        var g = first + tau * Padded(chunks) + kappa;
        return ((int)(g % Channels), g / Channels * PanelBytes + row * TokenBlock * Element);
    }

    /// <summary>Bytes from panel (tau, kappa) to panel (tau + 1, kappa) of a value, on the same channel.</summary>
    public long TokenBlockStride(string value) => Padded(_values[Resolve(value)].Chunks) / Channels * PanelBytes;

    private long Padded(long chunks) => HbmRowBudget.Ceil(chunks, Channels) * Channels;

    /// <summary>First panel index of a value (for panel arithmetic in registers).</summary>
    public long FirstPanel(string value) => _values[Resolve(value)].First;

    private void Layout(Module m, Function f, HpimTarget t)
    {
        var body = f.Body;
        var l = new HbmLayout(t);
        long ws = 0, ks = 0, vs = 0;
        Loop = LayerLoop.Find(f, candidate => Affine(m, l, body, candidate, out ws, out ks, out vs));
        WeightStride = ws;
        KvStride = ks;
        VectorStride = vs;
        Canon = Loop?.CanonicalNames(body) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var order = Loop is { } lp ? [.. body.Take(lp.Start + lp.Period), .. body.Skip(lp.End)] : body.ToList();
        var carried = Loop?.CarriedValues(body) ?? [];
        var returned = ReturnedLogits.SoftCapped(f);
        var local = new HashSet<string>(StringComparer.Ordinal);
        var types = f.Values.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
        foreach (var op in order)
        {
            if (op.Opcode == "position_ids") continue;
            if (op.Opcode == "reshape" || (op.Opcode == "cast" && op.Result.Type.Element == types[op.Operands[0].Name].Element))
            {
                _views[op.Result.Name] = op.Operands[0].Name;
                continue;
            }
            // the logits (and soft_cap in place on them) stay in local memory
            if (returned.Contains(op.Result.Name) && (HpimTileWeights.IsWeightLinear(op) || op.Opcode == "soft_cap" && local.Contains(op.Operands[0].Name)))
            {
                local.Add(op.Result.Name);
                continue;
            }
            foreach (var r in op.Results)
            {
                if (carried.Any(c => c.Carried == r.Name)) continue;
                var elements = r.Type.ElementCount.Constant;
                var rows = r.Type.Rank < 2 ? 0 : r.Type.Shape[0].Constant;
                if (rows != Tokens && rows != 1)
                    throw new PimccError(ExitCode.UnsupportedOperator, $"func @prefill, %{op.Id}",
                        $"prefill value %{r.Name} ({r.Type}) is neither [prompt tokens, features] nor one token's [1, features]",
                        "see docs/hpim-lowering.md for the operators the hpim backend lowers");
                var chunks = HbmRowBudget.Ceil(elements / rows, PageElements);
                _values[r.Name] = (Panels, chunks, rows);
                Panels += HbmRowBudget.Ceil(rows, TokenBlock) * Padded(chunks);
            }
        }
        foreach (var (c, outside) in carried)
            if (_values.TryGetValue(Resolve(outside), out var v)) _values[c] = v;
    }

    /// <summary>
    /// Whether every HBM object the cores read in a layer moves by one byte stride per layer and kind (weights placed in
    /// whole rows, the KV caches, the packed 1-D weights: <see cref="HpimAttrs.HbmOffset"/>), so the layer loop can add
    /// the strides to its base registers.
    /// </summary>
    public static bool Affine(Module m, HbmLayout l, IReadOnlyList<Operation> body, LayerLoop loop, out long weightStride, out long kvStride, out long vectorStride)
    {
        var strides = new long?[3];
        weightStride = kvStride = vectorStride = 0;
        for (var k = 0; k < loop.Period; k++)
        {
            var addresses = Enumerable.Range(0, loop.Count).Select(i => HbmAddresses(m, l, body[loop.Start + i * loop.Period + k])).ToList();
            for (var i = 1; i < loop.Count; i++)
            {
                if (addresses[i].Count != addresses[0].Count) return false;
                for (var j = 0; j < addresses[0].Count; j++)
                {
                    var (kind, a0) = addresses[0][j];
                    var d = addresses[i][j].Address - a0;
                    if (addresses[i][j].Kind != kind || d % i != 0 || (strides[kind] is { } st && st != d / i)) return false;
                    strides[kind] = d / i;
                }
            }
        }
        weightStride = strides[0] ?? 0;
        kvStride = strides[1] ?? 0;
        vectorStride = strides[2] ?? 0;
        return new[] { weightStride, kvStride, vectorStride }.All(s => s is >= 0 and <= uint.MaxValue);
    }

    /// <summary>(kind: 0 row-placed weight, 1 KV cache, 2 packed 1-D weight; in-channel byte address) of what an op reads from HBM.</summary>
    private static List<(int Kind, long Address)> HbmAddresses(Module m, HbmLayout l, Operation op)
    {
        var list = new List<(int, long)>();
        if (op.Opcode == "attention")
        {
            if (m.FindKvCache(op.Attrs.Str("cache")) is { } c && c.Attrs.ContainsKey(HpimAttrs.HbmRow)) list.Add((1, l.RowAddress(HbmLayout.Row(c))));
        }
        else
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Weight))
                if (m.FindWeight(o.Name) is { } w && w.Attrs.ContainsKey(HpimAttrs.HbmRow))
                    list.Add((w.Attrs.ContainsKey(HpimAttrs.HbmOffset) ? 2 : 0, l.Address(w)));
        return list;
    }
}
