using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// The pimllm code emitter (also tpu-llm's): turns a module after <c>pimllm-lower-attention</c> into an out.bin with
/// a <c>prefill</c> and a <c>decode</c> program in the crossbar controller's stream, the systolic array's stream and
/// every LPDDR channel's DMA stream (docs/pimllm-compiler.md, "Lowering"), the memory map of SRAM
/// (<see cref="SramPlan"/>) and LPDDR (<see cref="LpddrLayout"/>), debug ranges back to the IR ops and the compiled
/// workload. Before returning it checks that every program's events pair up without deadlock
/// (<see cref="CheckSync"/>); a failure there is a compiler bug.
/// </summary>
public static class PimllmBackend
{
    /// <summary>What a lowering produced besides the binary: the SRAM the layout uses and the sync instructions checked.</summary>
    public sealed record Report(long SramBytes, long SyncOps);

    public static PimBinary Lower(Module m, PimllmTarget t) => Lower(m, t, out _);

    /// <param name="repeatBlocks">false: every prefill block written out (tests compare the two forms).</param>
    public static PimBinary Lower(Module m, PimllmTarget t, out Report report, bool repeatBlocks = true)
    {
        if (!Pimcc.Compiler.PassManagement.PassManager.Properties(m).Contains(Passes.PimllmLowerAttention.AttentionScheduled))
            throw new PimccError(ExitCode.InvalidModel, $"module @{m.Name}", "the module has not been through the pimllm pipeline (property 'pimllm-attention-scheduled' missing)",
                "compile with the pimllm pipeline before emitting code");
        if (t.Lpddr.Channels > PimllmStreamSet.Events.MaxChannels)
            throw new PimccError(ExitCode.InvalidTargetDescription, "lpddr.channels", $"{t.Lpddr.Channels} LPDDR channels; pimllm's event numbering holds {PimllmStreamSet.Events.MaxChannels}", "use fewer channels");
        var sram = SramPlan.Build(m, t);
        var lpddr = new LpddrLayout(m, t, sram);
        var streams = new PimllmStreamSet(t.Lpddr.Channels);
        var emitter = new PimllmEmitter(m, t, sram, lpddr, streams) { RepeatBlocks = repeatBlocks };
        emitter.Emit(m.FindFunction(Module.Prefill)!);
        emitter.Emit(m.FindFunction(Module.Decode)!);
        var (built, debug) = streams.Build();

        var map = new List<MemoryRegion>(lpddr.Regions);
        void Sram(string name, RegionKind kind, long unit, long bytes)
        {
            if (bytes > 0) map.Add(new MemoryRegion(name, kind, new SramPlacement(0, unit * PimllmFormats.SramUnitBytes), bytes));
        }
        Sram("sram.params", RegionKind.Weight, 0, sram.ParamBytes);
        Sram("sram.kv", RegionKind.KvCache, sram.ParamBytes / PimllmFormats.SramUnitBytes, sram.KvBytes);
        if (sram.StagingUnit >= 0) Sram("sram.kv_staging", RegionKind.Scratch, sram.StagingUnit, t.Lpddr.Channels * 2 * sram.Positions * sram.KvRowUnits * PimllmFormats.SramUnitBytes);
        if (sram.ChunkUnit >= 0) Sram("sram.weight_chunks", RegionKind.Scratch, sram.ChunkUnit, 2 * SramPlan.WeightChunkBytes);
        Sram("sram.activations", RegionKind.Activation, sram.ActivationUnit, Math.Max(sram.Prefill.PeakBytes, sram.Decode.PeakBytes));

        long prompt = m.Attrs.IntOr("prompt_tokens", 1), generated = m.Attrs.IntOr("generated_tokens", 0);
        var bin = new PimBinary(new TargetBlob(t.Name, System.Text.Encoding.UTF8.GetBytes(t.CanonicalJson)), built, map, debug)
        {
            Workload = new CompiledWorkload((int)prompt, (int)generated, (int)sram.Positions, m.Name, [Module.Prefill, Module.Decode]),
        };
        report = new Report(sram.TotalBytes, CheckSync(bin));
        return bin;
    }

    /// <summary>
    /// Runs every program's streams on their event counters alone, repeated bodies as written out (instructions take no time; a stream stops at a
    /// wait its counter cannot pay): every program must run to its end in every stream and leave every counter at
    /// zero. Returns the synchronisation instructions executed; a failure is a compiler bug.
    /// </summary>
    public static long CheckSync(PimBinary bin)
    {
        long executed = 0;
        foreach (var entry in bin.Workload!.Programs)
        {
            var runs = bin.Streams.Select(s =>
            {
                var start = s.EntryWord(entry) ?? s.Words.Count;
                var end = s.Entries.Select(e => e.Word).Where(w => w > start).DefaultIfEmpty(s.Words.Count).Min();
                return (Stream: s, At: new PimllmStreamCursor(s.Words, start, end));
            }).ToArray();
            var counters = new Dictionary<long, long>();
            for (var progress = true; progress;)
            {
                progress = false;
                for (var i = 0; i < runs.Length; i++)
                    for (var at = runs[i].At; !at.Done; at.Next())
                    {
                        var op = at.Current;
                        var action = op.Spec.Pimllm.Action;
                        if (action == PimllmAction.EventWait)
                        {
                            if (counters.GetValueOrDefault(op["event"]) < op["count"]) break;
                            counters[op["event"]] -= op["count"];
                            executed++;
                        }
                        else if (action == PimllmAction.EventSignal)
                        {
                            counters[op["event"]] = counters.GetValueOrDefault(op["event"]) + op["count"];
                            executed++;
                        }
                        progress = true;
                    }
            }
            var stuck = runs.Where(r => !r.At.Done).Select(r => $"{r.Stream.Name} at word {r.At.At} ({r.At.Current})").ToList();
            if (stuck.Count > 0)
                throw new InvalidOperationException($"pimllm backend emitted a deadlock (compiler bug): in program '{entry}' {string.Join(", ", stuck)} wait forever");
            if (counters.FirstOrDefault(c => c.Value != 0) is { Value: not 0 } left)
                throw new InvalidOperationException($"pimllm backend left event {left.Key} at {left.Value} after program '{entry}' (compiler bug)");
        }
        return executed;
    }
}
