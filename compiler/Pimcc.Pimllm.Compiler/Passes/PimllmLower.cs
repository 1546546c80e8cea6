using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Compiler.Lowering;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Lowering (<see cref="PimllmBackend"/>, docs/pimllm-compiler.md "Lowering"): the crossbar controller's, the systolic
/// array's and each LPDDR channel's stream with a <c>prefill</c> and a <c>decode</c> program, the memory map, debug
/// ranges and the compiled workload, checked against the description's binary contract and for deadlock. The binary
/// is left in the compilation's artifacts; the IR records the stream sizes and the SRAM layout's figures.
/// </summary>
public sealed class PimllmLower : Pass
{
    public const string Lowered = "pimllm-lowered";

    public static readonly Statistic XbarWords = new("xbar-words", "words of the crossbar controller's stream");
    public static readonly Statistic SystolicWords = new("systolic-words", "words of the systolic array's stream");
    public static readonly Statistic DmaWords = new("dma-words", "words of the DMA streams, all channels");
    public static readonly Statistic SyncOps = new("sync-ops", "event signals and waits the deadlock check executed");
    public static readonly Statistic SramBytes = new("sram-bytes", "SRAM the layout uses (parameters, KV caches, staging, weight chunks, activations)");

    public override string Name => "pimllm-lower";
    public override string Summary => "emit the crossbar, systolic-array and LPDDR DMA streams (prefill and decode programs), memory map and debug ranges";
    public override ImmutableArray<Statistic> Statistics => [XbarWords, SystolicWords, DmaWords, SyncOps, SramBytes];
    public override ImmutableArray<string> Requires => [PimllmLowerAttention.AttentionScheduled];
    public override ImmutableArray<string> Establishes => [Lowered];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<PimllmTarget>();
        var bin = PimllmBackend.Lower(module, target, out var report);
        new PimllmBinaryContract().Check(target, bin, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(bin);
        long xbar = bin.CrossbarStream!.Instructions.Count, sa = bin.SystolicStream!.Instructions.Count, dma = bin.DmaStreams.Sum(d => (long)d.Instructions.Count);
        var sram = report.SramBytes;
        context.Stats.Set(XbarWords, xbar);
        context.Stats.Set(SystolicWords, sa);
        context.Stats.Set(DmaWords, dma);
        context.Stats.Set(SyncOps, report.SyncOps);
        context.Stats.Set(SramBytes, sram);
        return module.WithAttrs(module.Attrs.Set("pimllm.stream_words", AttrValue.Of(new long[] { xbar, sa, dma })).Set("pimllm.sram_bytes", sram));
    }
}
