using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Compiler.Lowering;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// Lowering (<see cref="HyflexpimBackend"/>): every PU's analog, digital, SFU and link streams with a <c>prefill</c>
/// (a long prompt's earlier chunks: <c>prefill-chunk</c>) and a <c>decode</c> program, the memory map and the compiled workload, left in the compilation's artifacts and
/// checked against the binary contract. The IR records the words per stream kind (<c>hfp.words</c>).
/// </summary>
public sealed class HyflexpimLower : Pass
{
    public const string Lowered = "hyflexpim-lowered";
    public const string Words = "hfp.words";

    public static readonly Statistic WordsStat = new("words", "64-bit words emitted over all streams");
    public static readonly Statistic PusStat = new("pus-with-streams", "PUs that run at least one stream");
    public static readonly Statistic WindowStat = new("window-bytes", "the largest PU activation window used (parameters and values)");
    public static readonly Statistic ChunkStat = new("prefill-chunk-tokens", "tokens per prefill run (the prompt, or the chunk a long prompt goes through in)");

    public override string Name => "hyflexpim-lower";
    public override string Summary => "emit every PU's analog, digital, SFU and link streams (prefill and decode programs), the memory map and the workload";
    public static readonly PassOption ChunkTokensOption = PassOption.Int("chunk-tokens",
        "largest number of a decoder's prompt tokens per prefill run (0: the whole prompt when its values fit the window); a longer prompt goes through in chunks of the largest power of two that fits", 0);

    public override ImmutableArray<Statistic> Statistics => [WordsStat, PusStat, WindowStat, ChunkStat];
    public static readonly PassOption BlockBytesOption = PassOption.Int("block-bytes",
        "largest bytes of a block of a long prompt's attention scores and probabilities or of a linear's staged partial sums in the window", HyflexpimLowerOptions.Default.BlockBytes);

    public override ImmutableArray<PassOption> Options => [ChunkTokensOption, BlockBytesOption];
    public override ImmutableArray<string> Requires => [HyflexpimAttrs.PusAllocated];
    public override ImmutableArray<string> Establishes => [Lowered];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<HyflexpimTarget>();
        var options = new HyflexpimLowerOptions(context.Options.Int(ChunkTokensOption), context.Options.Int(BlockBytesOption));
        if (options.MaxChunkTokens < 0 || options.BlockBytes < 1)
            throw new PimccError(ExitCode.Usage, $"--passes ({Name}{{{ChunkTokensOption.Name}, {BlockBytesOption.Name}}})",
                $"{ChunkTokensOption.Name} = {options.MaxChunkTokens} and {BlockBytesOption.Name} = {options.BlockBytes}: neither may be negative, and a block takes at least a byte",
                "give chunk-tokens 0 (the whole prompt when it fits) or a token count, and block-bytes a positive byte count");
        var bin = HyflexpimBackend.Lower(module, target, options, out var report);
        new HyflexpimBinaryContract().Check(target, bin, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(bin);
        context.Stats.Set(WordsStat, report.Words);
        context.Stats.Set(PusStat, report.Pus);
        context.Stats.Set(WindowStat, report.WindowBytes);
        context.Stats.Set(ChunkStat, report.ChunkTokens);
        var words = HyflexpimStreams.All.Select(k => (long)bin.Streams.Where(s => s.Kind == k).Sum(s => s.Words.Count)).ToList();
        return module.WithAttrs(module.Attrs.Set(Words, AttrValue.Of(words)));
    }
}
