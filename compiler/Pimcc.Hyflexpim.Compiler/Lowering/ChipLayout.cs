using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Hyflexpim.Compiler.Lowering;

/// <summary>
/// What the prefill and decode programs share: the streams of every PU, each stage's home PU (its first: it runs the
/// stage's SFU, digital PIM and link work), the parameters the SFU reads (placed at the bottom of their PU's activation
/// window), the KV tables (above the window, in the attention's home PU) and where each analog weight's tiles are.
/// </summary>
internal sealed class ChipLayout
{
    private readonly SortedDictionary<(ushort Section, int Pu), StreamCode> _streams = [];
    private readonly Dictionary<int, long> _paramTop = [];
    private readonly Dictionary<(int Pu, string Key), long> _params = [];
    private readonly Dictionary<int, long> _kvTop = [];
    private readonly List<MemoryRegion> _regions = [];

    public ChipLayout(Module module, HyflexpimTarget target, HyflexpimLowerOptions? options = null)
    {
        Module = module;
        Target = target;
        Options = options ?? HyflexpimLowerOptions.Default;
        StageFirstPu = module.Attrs.TryGetValue(A.StageFirstPu, out _) ? [.. module.Attrs.Ints(A.StageFirstPu)]
            : throw new PimccError(ExitCode.InvalidModel, $"module @{module.Name}", "the module has no PU allocation (hfp.stage_first_pu)",
                "compile with the hyflexpim pipeline up to hyflexpim-allocate-pus");
        var allSlc = module.Attrs.TryGetValue(A.SlcFraction, out _) && module.Attrs.Float(A.SlcFraction) >= 1;
        foreach (var w in module.Weights.Where(w => w.Attrs.TryGetValue(A.Arrays, out _)))
        {
            var tiles = WeightTiles.Of(w, target, allSlc);
            Tiles[w.Name] = tiles;
            foreach (var part in tiles.Groups.GroupBy(g => g.Pu))
            {
                var first = part.First();
                var arrays = part.Sum(g => g.Last - g.First + 1L);
                var name = tiles.Pus.Count() == 1 ? w.Name : $"{w.Name}.pu{part.Key}";
                _regions.Add(new MemoryRegion(name, RegionKind.Weight, new CrossbarPlacement(part.Key, first.Module, first.First), arrays * target.Analog.ArrayBytes));
            }
        }
    }

    public Module Module { get; }
    public HyflexpimTarget Target { get; }
    public HyflexpimLowerOptions Options { get; }
    public IReadOnlyList<long> StageFirstPu { get; }
    public Dictionary<string, WeightTiles> Tiles { get; } = [];
    public IReadOnlyList<MemoryRegion> Regions => _regions;

    public int Chip(int pu) => pu / Target.Chip.Pus;

    public int Home(long stage) => (int)StageFirstPu[(int)Math.Min(stage, StageFirstPu.Count - 1)];

    public StreamCode Stream(StreamKind kind, int pu)
    {
        if (_streams.TryGetValue((kind.Section, pu), out var s)) return s;
        _streams[(kind.Section, pu)] = s = new StreamCode(kind, pu);
        foreach (var p in _programs) s.Entry(p); // a stream first used by a later program: earlier programs are empty on it
        return s;
    }

    private readonly List<string> _programs = [];

    /// <summary>Starts program <paramref name="entry"/> on every stream (streams created later get it at their start).</summary>
    public void StartProgram(string entry)
    {
        _programs.Add(entry);
        foreach (var s in _streams.Values) s.Entry(entry);
    }

    public IReadOnlyList<string> Programs => _programs;

    public IEnumerable<StreamCode> Streams => _streams.Values;

    /// <summary>Units of parameters placed in a PU's window: its programs' values start above them.</summary>
    public long ParamUnits(int pu) => _paramTop.GetValueOrDefault(pu);

    /// <summary>The unit where parameters <paramref name="names"/> (FP16, each <paramref name="lengths"/> long) lie one
    /// after another in <paramref name="pu"/>'s window, placed on first use (the SFU reads them from there).</summary>
    public long Param(int pu, string key, IReadOnlyList<string> names, IReadOnlyList<long> lengths)
    {
        if (_params.TryGetValue((pu, key), out var at)) return at;
        at = _paramTop.GetValueOrDefault(pu);
        var unit = at;
        for (var i = 0; i < names.Count; i++)
        {
            var units = BufferValue.UnitsOf(lengths[i] * SfuBytes);
            _regions.Add(new MemoryRegion(names[i], RegionKind.Weight, new BufferPlacement(pu, unit * HyflexpimFormats.BufferUnitBytes), lengths[i] * SfuBytes));
            unit += units;
        }
        if (unit * HyflexpimFormats.BufferUnitBytes > HyflexpimFormats.WindowBytes)
            throw new PimccError(ExitCode.CapacityExceeded, $"PU {pu}", $"the parameters the SFU of PU {pu} reads need {unit * HyflexpimFormats.BufferUnitBytes} bytes, more than its activation window",
                "use a model with a smaller vocabulary or hidden size");
        _paramTop[pu] = unit;
        _params[(pu, key)] = at;
        return at;
    }

    public int SfuBytes => Target.Precision.SfuBits / 8;

    /// <summary>The K and V tables of a cache (rows of groups x dim i8, one per position, each row on a unit boundary)
    /// and their scale tables (one FP16 per position, dg.scale), above the window of <paramref name="pu"/>.</summary>
    public (long K, long V, long Rows, long KScales, long VScales) Kv(int pu, KvCache cache)
    {
        var rowUnits = BufferValue.UnitsOf(cache.KvHeads * cache.HeadDim * Target.Precision.KvBits / 8);
        var tableUnits = cache.MaxLength * rowUnits;
        var scaleUnits = BufferValue.UnitsOf(cache.MaxLength * SfuBytes);
        if (_params.TryGetValue((pu, "kv:" + cache.Name), out var k))
            return (k, k + tableUnits, cache.MaxLength, k + 2 * tableUnits, k + 2 * tableUnits + scaleUnits);
        var window = HyflexpimFormats.WindowBytes / HyflexpimFormats.BufferUnitBytes;
        k = window + _kvTop.GetValueOrDefault(pu);
        var end = k + 2 * tableUnits + 2 * scaleUnits;
        if (end * HyflexpimFormats.BufferUnitBytes > Target.DigitalBytesPerPu)
            throw new PimccError(ExitCode.ContextExceedsMemory, $"PU {pu}",
                $"the KV cache of {cache.Name} ({2 * (tableUnits + scaleUnits) * HyflexpimFormats.BufferUnitBytes} bytes for {cache.MaxLength} positions) does not fit PU {pu}'s buffer above its activation window ({Target.DigitalBytesPerPu - HyflexpimFormats.WindowBytes} bytes)",
                "compile for fewer --prompt-tokens/--gen-tokens");
        _kvTop[pu] = end - window;
        _params[(pu, "kv:" + cache.Name)] = k;
        foreach (var (part, at, units) in new[] { ("k", k, tableUnits), ("v", k + tableUnits, tableUnits), ("k.scale", k + 2 * tableUnits, scaleUnits), ("v.scale", k + 2 * tableUnits + scaleUnits, scaleUnits) })
            _regions.Add(new MemoryRegion($"kv.{cache.Name}.{part}", RegionKind.KvCache, new BufferPlacement(pu, at * HyflexpimFormats.BufferUnitBytes), units * HyflexpimFormats.BufferUnitBytes));
        return (k, k + tableUnits, cache.MaxLength, k + 2 * tableUnits, k + 2 * tableUnits + scaleUnits);
    }

    public void AddRegion(MemoryRegion region) => _regions.Add(region);

    private readonly Dictionary<string, int> _hostTables = new(StringComparer.Ordinal);

    /// <summary>The host table number of embedding weight <paramref name="weight"/> (io.row's <c>table</c>), its region
    /// placed in the host's memory on first use.</summary>
    public int HostTable(Weight weight)
    {
        if (_hostTables.TryGetValue(weight.Name, out var table)) return table;
        table = _hostTables.Count;
        if (table >= HyflexpimSpaces.HostTables)
            throw new PimccError(ExitCode.CapacityExceeded, $"weight @{weight.Name}", $"io.row names at most {HyflexpimSpaces.HostTables} host tables", "use a model with fewer embedding tables");
        _hostTables[weight.Name] = table;
        _regions.Add(new MemoryRegion(weight.Name, RegionKind.Weight, new HostPlacement(table, 0), weight.Type.Shape.Aggregate(1L, (a, d) => a * d.Constant) * SfuBytes));
        return table;
    }
}
