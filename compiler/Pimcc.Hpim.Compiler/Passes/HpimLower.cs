using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Lowering: emits every core's instruction stream and every channel's command stream (a <c>prefill</c> and a
/// <c>decode</c> program each), the memory map and the debug ranges back to the IR ops (<see cref="HpimBackend"/>,
/// docs/hpim-lowering.md). The streams are left in the compilation's artifacts; the IR records their sizes
/// (<c>hpim.core_words</c>, <c>hpim.channel_commands</c>) so an IR dump shows what was lowered.
/// </summary>
public sealed class HpimLower : Pass
{
    public const string Lowered = "hpim-lowered";
    public const string CoreWords = "hpim.core_words";
    public const string ChannelCommands = "hpim.channel_commands";

    public static readonly Statistic CoreWordsStat = new("core-words", "32-bit instructions emitted over all core streams");
    public static readonly Statistic ChannelCommandsStat = new("channel-commands", "64-bit commands emitted over all channel streams");
    public static readonly Statistic DecodeLocalBytes = new("decode-local-bytes", "local memory one core's decode program uses");
    public static readonly Statistic PrefillLocalBytes = new("prefill-local-bytes", "local memory one core's prefill program uses");
    public static readonly Statistic DecodeLayerLoops = new("decode-layer-loops", "decode programs that run their layers as one loop (1) or unrolled (0)");

    public override string Name => "hpim-lower";
    public override string Summary => "emit the SRAM-PIM core and HBM-PIM channel streams (prefill and decode programs), memory map and debug ranges";
    public override ImmutableArray<Statistic> Statistics => [CoreWordsStat, ChannelCommandsStat, DecodeLocalBytes, PrefillLocalBytes, DecodeLayerLoops];
    public static readonly PassOption PrefillAttentionOption = PassOption.Str("prefill-attention",
        "how prefill attention holds a head's keys and values: auto (the largest form that fits local memory), resident, stream-v or stream-kv", PrefillAttentionForms.Auto);

    public override ImmutableArray<PassOption> Options => [PrefillAttentionOption];
    public override ImmutableArray<string> Requires => [HpimAttrs.Scheduled];
    public override ImmutableArray<string> Establishes => [Lowered];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<HpimTarget>();
        if (PrefillAttentionForms.Parse(context.Options.Str(PrefillAttentionOption), "hpim-lower{prefill-attention}") is { } form)
            module = module.WithAttrs(module.Attrs.Set(HpimAttrs.PrefillAttention, form.Name()));
        var bin = HpimBackend.Lower(module, target, out var report);
        // What the target cannot hold (a core program beyond its instruction memory) is refused here, as the assembler refuses it.
        new HpimBinaryContract().Check(target, bin, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(bin);
        var coreWords = bin.Cores.Select(c => (long)c.Instructions.Count).ToList();
        var channelCommands = bin.Channels.Select(c => (long)c.Commands.Count).ToList();
        context.Stats.Set(CoreWordsStat, coreWords.Sum());
        context.Stats.Set(ChannelCommandsStat, channelCommands.Sum());
        context.Stats.Set(DecodeLocalBytes, report.DecodeLocalBytes);
        context.Stats.Set(PrefillLocalBytes, report.PrefillLocalBytes);
        context.Stats.Set(DecodeLayerLoops, report.DecodeLayerLoop ? 1 : 0);
        return module.WithAttrs(module.Attrs.Set(CoreWords, AttrValue.Of(coreWords)).Set(ChannelCommands, AttrValue.Of(channelCommands)));
    }

    /// <summary>The streams a previous <c>hpim-lower</c> of this compilation left, or a usage error (the IR alone does not hold them).</summary>
    internal static PimBinary Streams(PassContext context, string pass) =>
        context.Artifacts.Find<PimBinary>() ?? throw new PimccError(ExitCode.Usage, "--passes",
            $"pass '{pass}' needs the streams of hpim-lower from the same pipeline run", "put hpim-lower before it in --passes (lowered IR read back from text holds no streams)");
}
