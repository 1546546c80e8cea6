using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Compiler.Lowering;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Isa.Container;

namespace Pimcc.Hyflexpim.Compiler.Passes;

/// <summary>
/// The initial memory image (out.bin 1.2, <see cref="HyflexpimImage"/>): the crossbar arrays as programmed and the SFU's
/// parameters, so the binary carries its weights; whether is <see cref="MemoryImageMode"/>'s decision (the driver's
/// <c>--image</c>).
/// </summary>
public sealed class HyflexpimMemoryImage : Pass
{
    public const string Imaged = "hyflexpim-image-decided";

    public static readonly Statistic ImageBytes = new("image-bytes", "bytes of initial memory embedded in the binary");
    public static readonly Statistic Chunks = new("image-chunks", "memory chunks in the image");

    public override string Name => "hyflexpim-memory-image";
    public override string Summary => "embed the initial memory image (crossbar cells as programmed, the SFU's FP16 parameters) for functional runs";
    public override ImmutableArray<PassOption> Options => [MemoryImageMode.Option];
    public override ImmutableArray<Statistic> Statistics => [ImageBytes, Chunks];
    public override ImmutableArray<string> Requires => [HyflexpimLower.Lowered];
    public override ImmutableArray<string> Establishes => [Imaged];

    public override Module Run(Module module, PassContext context)
    {
        var bin = context.Artifacts.Find<PimBinary>() ?? throw new PimccError(ExitCode.Usage, "--passes",
            $"pass '{Name}' needs the streams of hyflexpim-lower from the same pipeline run", "put hyflexpim-lower before it in --passes");
        if (!MemoryImageMode.Embeds(context, HyflexpimImage.WeightBytes(module))) return module;
        var target = context.TargetAs<HyflexpimTarget>();
        var imaged = bin with { Image = HyflexpimImage.Build(bin, module, target) };
        new HyflexpimBinaryContract().Check(target, imaged, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(imaged);
        context.Stats.Set(ImageBytes, imaged.Image.Sum(c => (long)c.Bytes.Length));
        context.Stats.Set(Chunks, imaged.Image.Count);
        return module;
    }
}
