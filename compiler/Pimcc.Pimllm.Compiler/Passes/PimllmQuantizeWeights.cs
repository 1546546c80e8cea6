using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Quantization;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Quantises every projection weight (<see cref="PimllmAttrs.IsProjection"/>) to one bit, BitNet style
/// (<see cref="OneBitQuantization"/>): binary weights become <c>i1</c> (sign, per-matrix absmean scale), ternary
/// weights <c>tern</c> (absmean rounding to {-1, 0, 1}). Weights with data get their codes and <c>quant.scale</c>;
/// config-only weights change type only. Ternary weights need differential cells when the target has crossbars.
/// Runs before annotate-ops, so the cost model counts 1-bit bytes.
/// </summary>
public sealed class PimllmQuantizeWeights : Pass
{
    public const string WeightsQuantized = "pimllm-weights-quantized";

    public static readonly PassOption Format = PassOption.Str("weights", "1-bit weight format: binary (BitNet) or ternary (BitNet b1.58)", "binary");

    public static readonly Statistic Matrices = new("matrices-quantized", "projection weight matrices quantised to 1 bit");
    public static readonly Statistic Elements = new("weights-quantized", "weights (elements) quantised");
    public static readonly Statistic Zeros = new("zero-weights", "ternary weights rounded to 0");
    public static readonly Statistic BytesBefore = new("bytes-before", "storage of the projection weights before");
    public static readonly Statistic BytesAfter = new("bytes-after", "storage of the projection weights after");

    public override string Name => "pimllm-quantize-weights";
    public override string Summary => "quantise projection weights to 1 bit (binary: sign x absmean; ternary: absmean rounding to {-1,0,1})";
    public override ImmutableArray<PassOption> Options => [Format];
    public override ImmutableArray<Statistic> Statistics => [Matrices, Elements, Zeros, BytesBefore, BytesAfter];
    public override ImmutableArray<string> Establishes => [WeightsQuantized];
    public override ImmutableArray<string> Invalidates => [IrProperty.Annotated];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<PimllmTarget>();
        var format = context.Options.Str(Format);
        var element = format switch
        {
            "binary" => ElementType.I1,
            "ternary" => ElementType.Ternary,
            _ => throw new PimccError(ExitCode.Usage, "--weights", $"unknown weight format '{format}'", "use --weights binary or --weights ternary"),
        };
        if (element == ElementType.Ternary && target.HasCrossbars && target.Crossbars.Cells == WeightCells.Binary)
            throw new PimccError(ExitCode.WeightFormatUnsupported, "--weights",
                $"ternary weights need differential cell pairs, but target '{target.Name}' has binary cells (crossbar.cells = binary)",
                "use --weights binary, or --set crossbar.cells=differential");

        var projections = module.Functions.SelectMany(f => f.Body).Where(PimllmAttrs.IsProjection)
            .Select(op => op.Operands[1].Name).ToHashSet(StringComparer.Ordinal);
        var scheme = element == ElementType.I1 ? "bitnet-binary" : "bitnet-ternary";
        var weights = module.Weights.Select(w =>
        {
            if (!projections.Contains(w.Name)) return w;
            if (w.Type.Element == element) return w;
            if (!w.Type.Element.IsFloat())
                throw new PimccError(ExitCode.WeightFormatUnsupported, $"@{w.Name}",
                    $"projection weight is {w.Type.Element.Name()}, which cannot be requantised to {element.Name()}",
                    $"give the model in floating point, or use --weights {(w.Type.Element == ElementType.I1 ? "binary" : "ternary")}");
            var type = w.Type.WithElement(element);
            context.Stats.Add(Matrices);
            context.Stats.Add(Elements, w.Type.ElementCount.Constant);
            context.Stats.Add(BytesBefore, w.Type.StaticBytes);
            context.Stats.Add(BytesAfter, type.StaticBytes);
            var attrs = w.Attrs.Set(PimllmAttrs.Quant, scheme);
            if (!w.HasData) return w with { Type = type, Attrs = attrs };
            var values = OneBitQuantization.ReadFloats(w);
            var q = element == ElementType.I1 ? OneBitQuantization.Binary(values) : OneBitQuantization.Ternary(values);
            context.Stats.Add(Zeros, q.Codes.LongCount(c => c == 0));
            return w with { Type = type, Data = OneBitQuantization.Pack(element, q.Codes), Attrs = attrs.Set(PimllmAttrs.QuantScale, q.Scale) };
        }).ToImmutableArray();
        return (module with { Weights = weights }).WithAttrs(module.Attrs.Set(PimllmAttrs.Weights, format));
    }
}
