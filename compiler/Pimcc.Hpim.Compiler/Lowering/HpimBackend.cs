using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>What <see cref="HpimBackend.Emit(Module, HpimTarget)"/> produced besides the binary (for reports and tests).</summary>
public sealed record HpimEmitReport(bool DecodeLayerLoop, long DecodeLocalBytes, long PrefillLocalBytes, long SyncOps, int TimingCheckedChannels);

/// <summary>
/// The hpim code emitter: turns a module after the hpim passes up to <c>hpim-schedule</c> (<see cref="HpimCompiler.PipelineText"/>) into an
/// <c>out.bin</c> with a <c>prefill</c> and a <c>decode</c> program in every core stream (32-bit SRAM-PIM
/// instructions) and every channel stream (64-bit HBM-PIM commands), the memory map and debug ranges back to the
/// IR ops. Before returning it checks what it emitted: every program's events and barriers balance without
/// deadlock (<see cref="SyncChecker"/>), every core program ends in <c>halt</c>, and channel command streams are
/// legal on the HBM timing engine (<see cref="HbmLegality"/>). User-caused problems (capacity, unsupported
/// operators or target shapes) are <see cref="PimccError"/>s; a failed self-check is a compiler bug.
/// </summary>
public static class HpimBackend
{
    public const string PrefillEntry = Module.Prefill;
    public const string DecodeEntry = Module.Decode;

    /// <summary>Debug ids: IR op index in its function, plus this for decode ops.</summary>
    public const int DecodeIdBase = 1 << 20;

    /// <summary>
    /// Issued commands above which only channel 0 is replayed on the timing engine, for its first
    /// <see cref="SampledTimingCommands"/> commands of each program (more than one OPT-30B decoder layer: every GEMV shape).
    /// </summary>
    public const long FullTimingCheckLimit = 200_000;

    public const long SampledTimingCommands = 60_000;

    public static PimBinary Emit(Module scheduled, HpimTarget target) => Emit(scheduled, target, out _);

    /// <summary>Lowers and self-checks: what the pipeline's <c>hpim-lower</c>, <c>hpim-check-sync</c> and
    /// <c>hpim-check-timing</c> passes do, in one call (for tests and tools that hold a scheduled module).</summary>
    public static PimBinary Emit(Module scheduled, HpimTarget target, out HpimEmitReport report) => Emit(scheduled, target, selfCheck: true, out report);

    /// <summary>Without <paramref name="selfCheck"/> the emitted streams are returned unchecked (for debugging the emitter).</summary>
    internal static PimBinary Emit(Module scheduled, HpimTarget target, bool selfCheck, out HpimEmitReport report)
    {
        var bin = Lower(scheduled, target, out var lowered);
        var syncOps = selfCheck ? CheckSync(bin, scheduled) : 0;
        var timed = selfCheck ? CheckTiming(bin, target) : 0;
        report = lowered with { SyncOps = syncOps, TimingCheckedChannels = timed };
        return bin;
    }

    /// <summary>Emits the streams, unchecked (the <c>hpim-lower</c> pass).</summary>
    public static PimBinary Lower(Module scheduled, HpimTarget target, out HpimEmitReport report)
    {
        if (!Pimcc.Compiler.PassManagement.PassManager.Properties(scheduled).Contains(HpimAttrs.Scheduled))
            throw new PimccError(ExitCode.InvalidModel, $"module @{scheduled.Name}", "the module has not been through the hpim pipeline (property 'hpim-scheduled' missing)",
                "compile with the hpim pipeline before emitting code");
        var decode = scheduled.FindFunction(Module.Decode) ?? throw new PimccError(ExitCode.InvalidModel, $"module @{scheduled.Name}", "no decode function", "the module needs prefill and decode functions");
        var prefill = scheduled.FindFunction(Module.Prefill) ?? throw new PimccError(ExitCode.InvalidModel, $"module @{scheduled.Name}", "no prefill function", "the module needs prefill and decode functions");
        if (target.Sram.Cores > 32)
            throw new PimccError(ExitCode.InvalidTargetDescription, "sram.cores", $"NoC group masks are 32-bit registers; the target has {target.Sram.Cores} cores", "use at most 32 cores");

        var layout = new HbmLayout(target);
        var consts = new Constants(target, AlibiTable.Of(scheduled, target));
        var cores = Enumerable.Range(0, target.Sram.Cores).Select(c => new CoreCode(c)).ToArray();
        var chans = Enumerable.Range(0, layout.Channels).Select(c => new ChannelCode(c)).ToArray();

        // Prefill and decode are lowered side by side into builders of their own, each core's part cleaned up as soon
        // as its program is emitted, decode's then appended. They share the constant pool, where each numbers slots of
        // its own (Constants.Later). A failure is reported as a sequential run reports it: the prefill's first.
        var decCores = Enumerable.Range(0, cores.Length).Select(c => new CoreCode(c)).ToArray();
        var decChans = Enumerable.Range(0, chans.Length).Select(c => new ChannelCode(c)).ToArray();
        var pre = new PrefillLowering(scheduled, target, layout, cores, chans, consts);
        var dec = new DecodeLowering(scheduled, target, layout, decCores, decChans, consts.Later(), Module.Decode, DecodeIdBase);
        Pimcc.Diagnostics.SideBySide.Run(2, i =>
        {
            if (i == 0) pre.Emit(prefill);
            else dec.Emit(decode);
            var builders = i == 0 ? cores : decCores;
            Pimcc.Diagnostics.SideBySide.Run(builders.Length, c =>
            {
                builders[c].CleanUp();
                return 0;
            }, threads: Environment.ProcessorCount);
            return 0;
        });
        for (var c = 0; c < cores.Length; c++) cores[c].Append(decCores[c]);
        for (var c = 0; c < chans.Length; c++) chans[c].Append(decChans[c]);

        var debug = new List<DebugRange>();
        var built = cores.Select(c => c.Build()).ToList();
        var coreStreams = built.Select(b => b.Stream).ToList();
        foreach (var b in built) debug.AddRange(b.Debug);
        var chanStreams = chans.Select(c => c.Build(debug)).ToList();
        var map = new List<MemoryRegion>();
        map.AddRange(HbmRegions(scheduled, layout));
        map.AddRange(consts.Regions(cores.Length));
        map.AddRange(pre.Buffers.Regions(cores.Length));
        map.AddRange(dec.Buffers.Regions(cores.Length));
        map.AddRange(ReturnedLogits.Regions(scheduled, map).ToList());
        var bin = HpimBinary.Create(new TargetBlob(target.Name, System.Text.Encoding.UTF8.GetBytes(target.CanonicalJson)), coreStreams, chanStreams, map, debug) with
        {
            Workload = WorkloadOf(scheduled, pre.Tokens),
        };

        report = new HpimEmitReport(dec.Loop is not null, dec.Buffers.Used, pre.Buffers.Used, 0, 0);
        return bin;
    }

    /// <summary>
    /// What the binary was compiled for (format 1.4): the prompt the prefill program was lowered for (its token
    /// buffer and scratch hold that many; the ABI's r28 may ask for fewer), the module's generated tokens, and the
    /// positions that workload fills: the KV caches and position tables hold at least that many (bind-workload checks).
    /// </summary>
    private static CompiledWorkload WorkloadOf(Module m, long prompt)
    {
        var generated = m.Attrs.IntOr("generated_tokens", 0);
        return new CompiledWorkload((int)prompt, (int)generated, (int)(prompt + generated), m.Name, [PrefillEntry, DecodeEntry]);
    }

    private static IEnumerable<MemoryRegion> HbmRegions(Module m, HbmLayout l)
    {
        foreach (var w in m.Weights)
            yield return !w.Attrs.ContainsKey(HpimAttrs.HbmOffset)
                ? new MemoryRegion(w.Name, RegionKind.Weight, l.RowPlacement(HbmLayout.Row(w)), l.RowBytes(HbmLayout.Rows(w)))
                : new MemoryRegion(w.Name, RegionKind.Weight, l.PackedPlacement(w), l.Share(w));
        foreach (var c in m.KvCaches)
            yield return new MemoryRegion("kv." + c.Name, RegionKind.KvCache, l.RowPlacement(HbmLayout.Row(c)), l.RowBytes(HbmLayout.Rows(c)));
        // rotary cos/sin tables: contents from RopeTable.ChannelBytes, written by the loader like weights
        foreach (var (t, row, rows) in RopeTable.Placed(m))
            foreach (var kind in new[] { RopeTableKind.Cos, RopeTableKind.Sin })
                yield return new MemoryRegion(t.EntryName(kind), RegionKind.Weight,
                    l.RowPlacement(row + (int)kind * rows), l.RowBytes(rows));
        if (m.Attrs.IntOr(PrefillScratch.ScratchRows, 0) is > 0 and var scratchRows)
            yield return new MemoryRegion("prefill.scratch", RegionKind.Scratch, l.RowPlacement(m.Attrs.Int(PrefillScratch.ScratchRow)), l.RowBytes(scratchRows));
    }

    /// <summary>
    /// Every core program ends in <c>halt</c>, and the events and barriers of the prefill and of the first and last decode
    /// step (kv = prompt, prompt + generated - 1: block counts and partial blocks differ) balance without deadlock. The
    /// three runs are independent and run side by side; the first failure in check order is reported. Returns the
    /// synchronisation operations checked. A failure is a compiler bug.
    /// </summary>
    public static long CheckSync(PimBinary bin, Module m)
    {
        var prompt = m.Attrs.IntOr("prompt_tokens", 1);
        foreach (var c in bin.Cores)
            foreach (var e in c.Entries)
            {
                var end = c.Entries.Where(x => x.Word > e.Word).Select(x => x.Word).DefaultIfEmpty(c.Instructions.Count).Min();
                if (end == e.Word || c.Instructions[end - 1].Spec.Action != OpAction.Halt)
                    throw Unsynchronised(new SyncError($"core{c.Core}: program '{e.Name}' does not end in halt"));
            }
        var last = prompt + Math.Max(0, m.Attrs.IntOr("generated_tokens", 1) - 1);
        var sliced = new SyncChecker.SlicedStreams();                      // each core stream analysed once for the three runs
        var runs = new List<Func<long>>
        {
            () => SyncChecker.Check(bin, PrefillEntry, kv: 0, prompt: prompt, sliced: sliced).SyncOps,
            () => SyncChecker.Check(bin, DecodeEntry, kv: prompt, prompt: prompt, sliced: sliced).SyncOps,
        };
        if (last != prompt) runs.Add(() => SyncChecker.Check(bin, DecodeEntry, kv: last, prompt: prompt, step: last - prompt, sliced: sliced).SyncOps);
        return SideBySide(runs).Sum();
    }

    /// <summary>
    /// Channel command streams are legal on the HBM timing engine: every channel's programs when the binary issues at most
    /// <see cref="FullTimingCheckLimit"/> commands, else the first <see cref="SampledTimingCommands"/> of each program of
    /// channel 0. Each channel's programs are replayed from an idle channel, so every program of every channel is
    /// checked side by side. Returns the channels checked. A failure is a compiler bug.
    /// </summary>
    public static int CheckTiming(PimBinary bin, HpimTarget target)
    {
        var total = bin.Channels.Sum(c => Pimcc.Isa.Hbm.HbmRepeat.CountIssued(c.Commands));
        var full = total <= FullTimingCheckLimit;
        var sample = full ? bin.Channels : [bin.Channels[0]];
        SideBySide(sample.SelectMany(ch => ch.Entries.Select(e => (Func<long>)(() =>
            HbmLegality.Check(target, ch, e.Name, full ? long.MaxValue : SampledTimingCommands).Commands))).ToList());
        return sample.Count;
    }

    // Independent checks run in parallel; the first failure in list order is rethrown, as a sequential run would report it.
    private static long[] SideBySide(IReadOnlyList<Func<long>> runs)
    {
        try
        {
            return Pimcc.Diagnostics.SideBySide.Run(runs.Count, i => runs[i]());
        }
        catch (SyncError se)
        {
            throw Unsynchronised(se);
        }
    }

    private static InvalidOperationException Unsynchronised(SyncError e) =>
        new("hpim backend emitted an unsynchronised program (compiler bug): " + e.Message, e);
}
