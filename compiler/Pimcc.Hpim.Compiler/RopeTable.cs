using System.Buffers.Binary;
using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler;

/// <summary>Which of a rotary op's two tables.</summary>
public enum RopeTableKind { Cos = 0, Sin = 1 }

/// <summary>
/// The cos/sin tables of a <c>rotary</c> op, computed by the compiler because the ISA has no sin/cos: one row per
/// position 0 .. <see cref="Positions"/> − 1 (prompt + generated tokens), <see cref="RotaryDim"/> FP16 values per row in
/// the HF "rotate half" form (transformers modeling_llama.py: emb = cat(freqs, freqs); cos = emb.cos(), sin = emb.sin()),
/// i.e. row p, channel c holds cos/sin(p · inv_freq[c mod rotary_dim/2]) with inv_freq[i] = theta^(−2i/rotary_dim)
/// (RoFormer, Su et al. 2021), adjusted by the op's <c>scaling</c> attributes (linear, llama3, yarn) as
/// transformers modeling_rope_utils.py does (<see cref="RotaryFrequencies"/>, <see cref="Frequencies"/>), every value times the op's <c>attention_scaling</c> (yarn's attention factor;
/// 1 when absent). Then y = x · cos + rotate_half(x) · sin is the IR's non-interleaved
/// rotary: (x1 · cos − x2 · sin, x2 · cos + x1 · sin) on the two halves.
/// <para>
/// HBM layout (the planner's "other 2-D table" layout, docs/hpim-lowering.md): row p on channel p mod channels at
/// in-channel byte offset (p / channels) × padded row bytes from the table's first row, each row padded to whole
/// columns. Each table is a memory-map entry <c>rope:&lt;first op&gt;.cos</c> / <c>.sin</c>; ops with the same
/// frequencies share one table.
/// </para>
/// </summary>
public sealed record RopeTable(string Name, int RotaryDim, long Positions, double[] Frequencies, double Amplitude = 1)
{
    /// <summary>The table a rotary op needs for <paramref name="positions"/> positions (named after <paramref name="op"/>).</summary>
    public static RopeTable Of(Operation op, long positions)
    {
        if (Unsupported(op) is { } why)
            throw new PimccError(ExitCode.UnsupportedOperator, $"%{op.Id}", why,
                $"hpim lowers rotate-half rotary embeddings with {string.Join(", ", RotaryFrequencies.Scalings)} scaling or an inv_freq list");
        return new RopeTable("rope:" + op.Id, (int)op.Attrs.Int("rotary_dim"), positions, RotaryFrequencies.Of(op.Attrs), RotaryFrequencies.Amplitude(op.Attrs));
    }

    /// <summary>Why the hpim tables cannot express <paramref name="op"/>, or null (the planner skips such ops; the lowering reports them).</summary>
    public static string? Unsupported(Operation op) =>
        op.Attrs.BoolOr("interleaved", false) ? "interleaved (GPT-J) rotary embeddings whose projection deinterleave-rotary could not permute are not lowered for hpim (its tables rotate each head by halves)"
        : op.Attrs.StrOr("scaling", "default") is var s && !RotaryFrequencies.Scalings.Contains(s) ? $"RoPE scaling '{s}' has no hpim table"
        : null;

    /// <summary>What decides the values: ops with equal keys share a table.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{RotaryDim}/{Positions}/{Amplitude:R}/")
        + string.Join(",", Frequencies.Select(f => f.ToString("R", CultureInfo.InvariantCulture)));

    public string EntryName(RopeTableKind kind) => Name + (kind == RopeTableKind.Cos ? ".cos" : ".sin");

    /// <summary>The value at <paramref name="position"/>, channel <paramref name="channel"/> &lt; rotary_dim, rounded to FP16.</summary>
    public Half Value(RopeTableKind kind, long position, int channel) => Row(kind, position, Frequencies)[channel];

    private Half[] Row(RopeTableKind kind, long position, double[] inv)
    {
        var row = new Half[RotaryDim];
        for (var c = 0; c < RotaryDim; c++)
        {
            var angle = position * inv[c % inv.Length];
            row[c] = (Half)(Amplitude * (kind == RopeTableKind.Cos ? Math.Cos(angle) : Math.Sin(angle)));
        }
        return row;
    }

    /// <summary>The whole table, row-major [positions, rotary_dim], FP16 little-endian.</summary>
    public byte[] Bytes(RopeTableKind kind)
    {
        var inv = Frequencies;
        var bytes = new byte[Positions * RotaryDim * 2];
        for (long p = 0; p < Positions; p++)
        {
            var row = Row(kind, p, inv);
            for (var c = 0; c < RotaryDim; c++)
                BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan((int)((p * RotaryDim + c) * 2)), row[c]);
        }
        return bytes;
    }

    /// <summary>Bytes of one row padded to whole HBM columns.</summary>
    public long PaddedRowBytes(HbmOrganization o) => HbmRowBudget.Ceil(RotaryDim * 2L, o.ColumnBytes) * o.ColumnBytes;

    /// <summary>DRAM rows per bank one table takes (every channel the same rows).</summary>
    public long RowsPerTable(HbmOrganization o) =>
        HbmRowBudget.Ceil(HbmRowBudget.Ceil(Positions, o.Channels) * PaddedRowBytes(o), o.BanksPerChannel * o.PageBytes);

    /// <summary>
    /// What channel <paramref name="channel"/> holds of the table, from the table's first in-channel byte (the address of
    /// bank 0 of its first row): rows p ≡ channel (mod channels) one after another, each padded with zeros to whole columns.
    /// This is what a loader writes into the initial HBM image.
    /// </summary>
    public byte[] ChannelBytes(RopeTableKind kind, int channel, HbmOrganization o)
    {
        var padded = PaddedRowBytes(o);
        var inv = Frequencies;
        var rows = channel < Positions ? HbmRowBudget.Ceil(Positions - channel, o.Channels) : 0;
        var bytes = new byte[rows * padded];
        for (long s = 0; s < rows; s++)
        {
            var row = Row(kind, s * o.Channels + channel, inv);
            for (var c = 0; c < RotaryDim; c++)
                BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan((int)(s * padded + c * 2)), row[c]);
        }
        return bytes;
    }

    /// <summary>The tables the memory planner placed for the rotary ops of <paramref name="m"/> (first use order, no duplicates).</summary>
    public static IReadOnlyList<(RopeTable Table, long Row, long Rows)> Placed(Module m)
    {
        var positions = PositionsOf(m);
        var list = new List<(RopeTable, long, long)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var op in m.Functions.SelectMany(f => f.Body).Where(o => o.Opcode == "rotary" && o.Attrs.ContainsKey(HpimAttrs.RopeTableName)))
            if (seen.Add(op.Attrs.Str(HpimAttrs.RopeTableName)))
                list.Add((Of(op, positions) with { Name = op.Attrs.Str(HpimAttrs.RopeTableName) }, op.Attrs.Int(HpimAttrs.RopeRow), op.Attrs.Int(HpimAttrs.RopeRows)));
        return list;
    }

    /// <summary>Positions a table covers: the prompt plus every generated token (the KV caches' length).</summary>
    public static long PositionsOf(Module m) =>
        m.Attrs.IntOr("prompt_tokens", 1) + Math.Max(0, m.Attrs.IntOr("generated_tokens", 1));
}
