using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Hpim.Compiler.Lowering;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Targets;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// The initial memory image (out.bin 1.2): weights in the lowering's HBM layout, rotary tables and constants, so the
/// functional simulator runs the binary on values (<see cref="MemoryImageBuilder"/>). Mode <c>auto</c> embeds it
/// when the weights carry data and the image stays under <see cref="MemoryImageBuilder.DefaultLimitBytes"/>;
/// <c>on</c> always (an error without weight data); <c>off</c> never. Without an explicit <c>mode</c> the driver's
/// <c>--image</c> decides.
/// </summary>
public sealed class HpimMemoryImage : Pass
{
    public const string Imaged = "hpim-image-decided";

    public static readonly PassOption ModeOption = MemoryImageMode.Option;
    public static readonly Statistic ImageBytes = new("image-bytes", "bytes of initial memory embedded in the binary");
    public static readonly Statistic Chunks = new("image-chunks", "memory chunks in the image");

    public override string Name => "hpim-memory-image";
    public override string Summary => "embed the initial memory image (weights in their HBM layout, rotary tables, constants) for functional runs";
    public override ImmutableArray<PassOption> Options => [ModeOption];
    public override ImmutableArray<Statistic> Statistics => [ImageBytes, Chunks];
    public override ImmutableArray<string> Requires => [HpimLower.Lowered];
    public override ImmutableArray<string> Establishes => [Imaged];

    public override Module Run(Module module, PassContext context)
    {
        var bin = HpimLower.Streams(context, Name);
        if (!MemoryImageMode.Embeds(context, ModeOption, MemoryImageBuilder.WeightBytes(module), MemoryImageBuilder.DefaultLimitBytes)) return module;
        var imaged = MemoryImageBuilder.Attach(bin, module, context.TargetAs<HpimTarget>());
        context.Artifacts.Set(imaged);
        context.Stats.Set(ImageBytes, imaged.Image.Sum(c => (long)c.Bytes.Length));
        context.Stats.Set(Chunks, imaged.Image.Count);
        return module;
    }
}
