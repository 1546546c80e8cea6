using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Isa.Container;
using Pimcc.Pimllm.Compiler.Lowering;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// The initial memory image (<see cref="PimllmMemoryImage"/>): the crossbars as programmed, the SRAM parameters and the
/// embedding tables, for functional runs, as <see cref="MemoryImageMode"/> decides (<c>--image auto|on|off</c>).
/// </summary>
public sealed class PimllmEmbedImage : Pass
{
    public const string Imaged = "pimllm-image-decided";

    public static readonly Statistic ImageBytes = new("image-bytes", "bytes of initial memory embedded in the binary");
    public static readonly Statistic Chunks = new("image-chunks", "memory chunks in the image");

    public override string Name => "pimllm-memory-image";
    public override string Summary => "embed the initial memory image (programmed crossbars with their weight scales, SRAM parameters, embedding tables) for functional runs";
    public override ImmutableArray<PassOption> Options => [MemoryImageMode.Option];
    public override ImmutableArray<Statistic> Statistics => [ImageBytes, Chunks];
    public override ImmutableArray<string> Requires => [PimllmLower.Lowered];
    public override ImmutableArray<string> Establishes => [Imaged];

    public override Module Run(Module module, PassContext context)
    {
        if (!MemoryImageMode.Embeds(context, PimllmMemoryImage.WeightBytes(module))) return module;
        var bin = context.Artifacts.Find<PimBinary>() ?? throw new InvalidOperationException("pimllm-memory-image runs after pimllm-lower (compiler bug)");
        var target = context.TargetAs<PimllmTarget>();
        var imaged = bin with { Image = PimllmMemoryImage.Build(module, target) };
        new PimllmBinaryContract().Check(target, imaged, $"target '{target.Name}'", ExitCode.CapacityExceeded);
        context.Artifacts.Set(imaged);
        context.Stats.Set(ImageBytes, imaged.Image.Sum(c => (long)c.Bytes.Length));
        context.Stats.Set(Chunks, imaged.Image.Count);
        return module;
    }
}
