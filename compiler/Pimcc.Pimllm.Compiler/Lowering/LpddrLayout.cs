using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// What lives in LPDDR, per channel, in 64-byte units from each channel's address 0:
/// <list type="bullet">
/// <item>every weight a linear streams through the systolic array (INT8 per output row when it is floating point,
/// <see cref="SramPlan.StreamedRowBytes"/>), in chunks of whole output rows
/// (<see cref="ActivationPlan.ChunkRows"/>): chunk j is split into equal parts, part c at channel c's base + j x part;</item>
/// <item>every table an embedding gathers rows from, whole in one channel, as fp16 rows (a tied LM head also has the striped copy);</item>
/// <item>per LPDDR-placed cache, per KV head, a K and a V table (positions x head_dim i8) in one channel, heads spread over the channels;</item>
/// <item>the logits a program returns from a streamed LM head (fp32; per block of tokens, chunk-major).</item>
/// </list>
/// </summary>
public sealed class LpddrLayout
{
    /// <summary>How one streamed weight is cut: rows per chunk, chunks, units per channel part, and each channel's base.</summary>
    public sealed record Striped(long ChunkRows, long Chunks, long PartUnits, long RowBytes, long[] Base);

    private readonly long[] _next;
    private readonly Dictionary<string, Striped> _striped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Channel, long Unit)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Cache, long Head, bool V), (int Channel, long Unit)> _kv = [];
    private readonly Dictionary<string, (int Channel, long Unit)> _logits = new(StringComparer.Ordinal);
    private readonly List<MemoryRegion> _regions = [];
    private int _spread;

    public int Channels { get; }

    public IReadOnlyList<MemoryRegion> Regions => _regions;

    public LpddrLayout(Module m, PimllmTarget t, SramPlan sram)
    {
        Channels = t.Lpddr.Channels;
        _next = new long[Channels];
        var bodies = m.Functions.SelectMany(f => f.Body).ToList();
        foreach (var name in bodies.Where(ActivationPlan.IsStreamed).Select(op => op.Operands[1].Name).Distinct())
        {
            var w = m.FindWeight(name)!;
            var rowBytes = SramPlan.StreamedRowBytes(w);
            var outputs = w.Type.Shape[0].Constant;
            var chunkRows = ActivationPlan.ChunkRows(m, w);
            var chunks = (outputs + chunkRows - 1) / chunkRows;
            var part = UnitArena.Units((chunkRows * rowBytes + Channels - 1) / Channels);
            var bases = new long[Channels];
            for (var c = 0; c < Channels; c++)
            {
                bases[c] = Take(c, chunks * part);
                _regions.Add(Region($"{name}.ch{c}", RegionKind.Weight, c, bases[c], chunks * part));
            }
            _striped[name] = new Striped(chunkRows, chunks, part, rowBytes, bases);
        }
        foreach (var name in bodies.Where(op => op.Opcode == "embedding").Select(op => op.Operands[1].Name).Distinct())
        {
            var w = m.FindWeight(name)!;
            var c = _spread++ % Channels;
            var units = w.Type.Shape[0].Constant * RowUnits(w);
            _rows[name] = (c, Take(c, units));
            _regions.Add(Region($"{name}.rows", RegionKind.Weight, c, _rows[name].Unit, units));
        }
        foreach (var cache in m.KvCaches.Where(c => !sram.InSram(c.Name)))
            for (long h = 0; h < cache.KvHeads; h++)
            {
                var c = _spread++ % Channels;   // a head's K and V tables share a channel: its DMA stages both
                foreach (var v in new[] { false, true })
                {
                    var units = sram.Positions * sram.KvRowUnits;
                    _kv[(cache.Name, h, v)] = (c, Take(c, units));
                    _regions.Add(Region($"kv.{cache.Name}.{(v ? "v" : "k")}{h}", RegionKind.KvCache, c, _kv[(cache.Name, h, v)].Unit, units));
                }
            }
        foreach (var f in m.Functions)
            foreach (var value in (f.Name == Module.Prefill ? sram.Prefill : sram.Decode).ToLpddr)
            {
                var op = f.Body.First(o => o.Id == value);
                var tokens = f.Name == Module.Prefill ? m.Attrs.IntOr("prompt_tokens", 1) : 1;
                var s = _striped[op.Operands[1].Name];
                var units = UnitArena.Units(tokens * s.Chunks * s.ChunkRows * 4);
                _logits[f.Name] = (0, Take(0, units));
                _regions.Add(Region($"{f.Name}.{value}", RegionKind.Activation, 0, _logits[f.Name].Unit, units));
            }
        for (var c = 0; c < Channels; c++)
            if (_next[c] * PimllmFormats.LpddrUnitBytes > t.Lpddr.ChannelBytes)
                throw new PimccError(ExitCode.CapacityExceeded, $"--target {t.Name}",
                    $"LPDDR channel {c} needs {_next[c] * PimllmFormats.LpddrUnitBytes} bytes (streamed weights, embedding tables, KV caches, logits); it has {t.Lpddr.ChannelBytes}",
                    "compile for a shorter context or a smaller model, or raise lpddr.channelDensity");
    }

    public Striped StripedWeight(string name) => _striped[name];

    public (int Channel, long Unit) RowTable(string name) => _rows[name];

    public (int Channel, long Unit) KvTable(string cache, long head, bool v) => _kv[(cache, head, v)];

    public (int Channel, long Unit) Logits(string function) => _logits[function];

    /// <summary>Units of one row of an embedding table as LPDDR holds it: fp16, the type of the activations it feeds.</summary>
    public static long RowUnits(Weight w) => UnitArena.Units(EmbeddingRowBytes(w));

    public static long EmbeddingRowBytes(Weight w) => w.Type.Shape[1].Constant * 2;

    private long Take(int channel, long units)
    {
        var at = _next[channel];
        _next[channel] += units;
        return at;
    }

    private static MemoryRegion Region(string name, RegionKind kind, int channel, long unit, long units) =>
        new(name, kind, new LpddrPlacement(channel, unit * PimllmFormats.LpddrUnitBytes), units * PimllmFormats.LpddrUnitBytes);
}
