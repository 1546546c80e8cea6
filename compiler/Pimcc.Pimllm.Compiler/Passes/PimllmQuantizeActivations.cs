using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Passes;

/// <summary>
/// Marks the input of every 1-bit projection as quantised to <c>system.activationBits</c> bits, absmax per token
/// (BitNet eq. 4, <see cref="Pimcc.Compiler.Quantization.ActivationQuantization"/>): the DACs (or the systolic array's
/// 8-bit operands) take it in that form. The functional executor and the quantised reference read these attributes.
/// </summary>
public sealed class PimllmQuantizeActivations : Pass
{
    public const string ActivationsQuantized = "pimllm-activations-quantized";

    public static readonly Statistic Linears = new("linears-quantized", "projections whose input is quantised per token");

    public override string Name => "pimllm-quantize-activations";
    public override string Summary => "quantise projection inputs to the target's activation bits, absmax per token";
    public override ImmutableArray<Statistic> Statistics => [Linears];
    public override ImmutableArray<string> Requires => [PimllmQuantizeWeights.WeightsQuantized];
    public override ImmutableArray<string> Establishes => [ActivationsQuantized];

    public override Module Run(Module module, PassContext context)
    {
        var bits = context.TargetAs<PimllmTarget>().ActivationBits;
        return module.WithFunctions(module.Functions.Select(f => f.WithBody(f.Body.Select(op =>
        {
            if (!PimllmAttrs.IsProjection(op)) return op;
            context.Stats.Add(Linears);
            return op.WithAttrs(op.Attrs.Set(PimllmAttrs.ActBits, bits).Set(PimllmAttrs.ActScheme, "absmax-per-token"));
        }))));
    }
}
