using System.Buffers.Binary;
using System.Globalization;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// The initial memory image of an hpim binary (container format 1.2): every weight that carries data, in exactly
/// the layout the lowering reads (<see cref="HbmLayout"/>, docs/hpim-lowering.md "HBM layout"), the rotary cos/sin
/// tables (<see cref="RopeTable.ChannelBytes"/>), the ALiBi table (<see cref="AlibiTable.Content"/>) and the
/// <c>const:&lt;value&gt;</c> slots of every core's local memory. The simulator's functional mode only copies the
/// chunks, so the layout rules stay in the compiler. KV caches and activations start zero-filled and are not stored.
/// </summary>
public static class MemoryImageBuilder
{
    /// <summary>Weight bytes the image would hold (0 when no weight carries data, e.g. HF configs).</summary>
    public static long WeightBytes(Module scheduled) => scheduled.Weights.Where(w => w.HasData).Sum(w => (long)w.Data.Length);

    /// <summary>Returns <paramref name="bin"/> with its <see cref="PimBinary.Image"/> filled from <paramref name="scheduled"/>'s weight data.</summary>
    public static PimBinary Attach(PimBinary bin, Module scheduled, HpimTarget target) => bin with { Image = Build(bin, scheduled, target) };

    public static IReadOnlyList<MemoryChunk> Build(PimBinary bin, Module scheduled, HpimTarget target)
    {
        var l = new HbmLayout(target);
        var pieces = new List<MemoryChunk>();
        var gemvs = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var op in scheduled.Functions.SelectMany(f => f.Body).Where(HpimTileWeights.IsWeightLinear))
            gemvs.TryAdd(op.Operands[1].Name, op);
        foreach (var w in scheduled.Weights)
        {
            if (!w.HasData || !w.Type.IsStatic) continue;
            var data = w.Data.AsSpan();
            if (gemvs.TryGetValue(w.Name, out var op))
                GemvWeight(pieces, l, GemvPlan.Of(op, scheduled, l, target), data);
            else if (w.Type.Rank == 2)
                Table(pieces, l, w, data);
            else if (w.Type.Rank <= 1 && HbmRowBudget.IsStriped(w))
                Striped(pieces, l, w, data);
            else if (w.Type.Rank <= 1)
                Flat(pieces, l, w, data);
            // Higher-rank weights are not read by the hpim lowering (it rejects the ops that would).
        }
        // Rotary cos/sin tables: computed by the compiler (RopeTable), laid out like other 2-D tables.
        foreach (var (table, row, rows) in RopeTable.Placed(scheduled))
            foreach (var kind in new[] { RopeTableKind.Cos, RopeTableKind.Sin })
                for (var c = 0; c < l.Channels; c++)
                    if (table.ChannelBytes(kind, c, target.Hbm.Organization) is { Length: > 0 } bytes)
                        pieces.Add(new MemoryChunk(HpimSpaces.Hbm, c, l.RowAddress(row + (int)kind * rows), bytes));
        var alibi = AlibiTable.Of(scheduled, target)?.Content(target.ElementBytes);
        foreach (var r in bin.MemoryMap)
            if (alibi is not null && r.Name == AlibiTable.RegionName && r.Placement is LocalPlacement at)
                pieces.Add(new MemoryChunk(HpimSpaces.Local, at.Core, at.Address, alibi));
        foreach (var r in bin.MemoryMap)
            if (r.Name.StartsWith("const:", StringComparison.Ordinal) && r.Placement is LocalPlacement lp)
            {
                var bytes = new byte[2];
                BinaryPrimitives.WriteHalfLittleEndian(bytes, (Half)ConstValue(r.Name));
                pieces.Add(new MemoryChunk(HpimSpaces.Local, lp.Core, lp.Address, bytes));
            }
        return MemoryImageRules.Merge(pieces);
    }

    /// <summary>Value of a <c>const:&lt;value&gt;</c> region (invariant culture, <c>-inf</c>/<c>inf</c>).</summary>
    public static double ConstValue(string regionName)
    {
        var t = regionName["const:".Length..];
        return t switch
        {
            "-inf" => double.NegativeInfinity,
            "inf" => double.PositiveInfinity,
            _ => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>GEMV weight [features, K]: feature j's k-th page of inputs sits in bank f mod banks, row base + (f / banks) x chunks + k.</summary>
    private static void GemvWeight(List<MemoryChunk> pieces, HbmLayout l, GemvPlan g, ReadOnlySpan<byte> data)
    {
        var rowBytes = (long)g.K * l.Element;
        var row0 = HbmLayout.Row(g.Weight);
        for (var j = 0; j < g.Features; j++)
        {
            var (channel, f) = g.Home(j, l.Channels);
            for (var k = 0; k < g.Chunks; k++)
            {
                var from = k * l.Page;
                var len = Math.Min(l.Page, rowBytes - from);
                var row = row0 + (long)(f / l.Banks) * g.Chunks + k;
                var addr = l.Map.Address(f % l.Banks, row);
                pieces.Add(new MemoryChunk(HpimSpaces.Hbm, channel, addr, data.Slice((int)(j * rowBytes + from), (int)len).ToArray()));
            }
        }
    }

    /// <summary>Row-striped 2-D table: row i on channel i mod channels at slot i / channels, rows padded to whole columns.</summary>
    private static void Table(List<MemoryChunk> pieces, HbmLayout l, Weight w, ReadOnlySpan<byte> data)
    {
        var rows = w.Type.Shape[0].Constant;
        var rowBytes = w.Type.Shape[1].Constant * l.Element;
        var padded = l.PaddedRowBytes(w.Type.Shape[1].Constant);
        var baseAddr = l.RowAddress(HbmLayout.Row(w));
        for (long i = 0; i < rows; i++)
            pieces.Add(new MemoryChunk(HpimSpaces.Hbm, (int)(i % l.Channels), baseAddr + i / l.Channels * padded,
                data.Slice((int)(i * rowBytes), (int)rowBytes).ToArray()));
    }

    /// <summary>Channel-striped 1-D weight (an LM head's bias): element j on channel j mod channels, at element j / channels of its share.</summary>
    private static void Striped(List<MemoryChunk> pieces, HbmLayout l, Weight w, ReadOnlySpan<byte> data)
    {
        var eb = data.Length / (int)w.Type.ElementCount.Constant;
        var elements = data.Length / eb;
        var baseAddr = l.Address(w);
        for (var c = 0; c < l.Channels && c < elements; c++)
        {
            var share = new byte[(elements - c + l.Channels - 1) / l.Channels * eb];
            for (var k = 0; k * eb < share.Length; k++) data.Slice((c + k * l.Channels) * eb, eb).CopyTo(share.AsSpan(k * eb));
            pieces.Add(new MemoryChunk(HpimSpaces.Hbm, c, baseAddr, share));
        }
    }

    /// <summary>1-D weight: an even share of whole columns per channel, in channel order, from the weight's (packed) address.</summary>
    private static void Flat(List<MemoryChunk> pieces, HbmLayout l, Weight w, ReadOnlySpan<byte> data)
    {
        var share = l.FlatShare(data.Length);
        var baseAddr = l.Address(w); // packed 1-D weights start at their byte offset (hpim.hbm_offset)
        for (var c = 0; c * share < data.Length; c++)
        {
            var len = (int)Math.Min(share, data.Length - c * share);
            pieces.Add(new MemoryChunk(HpimSpaces.Hbm, c, baseAddr, data.Slice((int)(c * share), len).ToArray()));
        }
    }
}
