using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Ir;
using Pimcc.Pimllm.Compiler;
using Pimcc.Pimllm.Compiler.Lowering;
using Pimcc.Pimllm.Isa;
using Pimcc.Targets;

namespace Pimcc.Accuracy;

/// <summary>
/// pimllm and tpu-llm (docs/accuracy.md): the reference runs the float IR of the shared front; the target's passes
/// declare the rest: every weight <c>pimllm-quantize-weights</c> marked (<c>quant</c> = <c>bitnet-binary</c> or
/// <c>bitnet-ternary</c>) is 1-bit; each linear with <c>act.bits</c> has its input quantised absmax per token; a
/// linear on the crossbars (<c>pimllm.unit</c> = <c>crossbar</c>) has its partial sums read by <c>crossbar.adc.bits</c>
/// ADCs per tile of <c>crossbar.rows</c> inputs (<see cref="ReadOutBits"/>); Q, K and V are <c>kv.bits</c> absmax per token.
/// A float weight the systolic array multiplies (the LM head, streamed from LPDDR) is INT8 per output row, its input
/// <c>system.activationBits</c> absmax per token (the array's 8-bit operands; its i32 sums exact). No device noise.
/// </summary>
public sealed class PimllmAccuracy : IAccuracyTarget
{
    public string Kind => PimllmKind.Name;

    public string RunnablePipeline => "infer-shapes,canonicalize,fold-rotary-amplitude,complete-norm-params,bind-workload";

    public string AnnotatedPipeline => RunnablePipeline + ",pimllm-quantize-weights,annotate-ops,pimllm-quantize-activations,pimllm-place-weights,pimllm-place-kv-cache";

    public QuantisationPlan Plan(Module annotated, TargetDescription target)
    {
        var t = (PimllmTarget)target;
        var linears = ImmutableSortedDictionary.CreateBuilder<string, LinearPlan>(StringComparer.Ordinal);
        foreach (var op in annotated.Functions.SelectMany(f => f.Body).Where(PimllmAttrs.IsProjection))
        {
            var w = annotated.FindWeight(op.Operands[1].Name)!;
            var format = w.Attrs.StrOr(PimllmAttrs.Quant, "") switch
            {
                "bitnet-binary" => WeightFormat.Binary,
                "bitnet-ternary" => WeightFormat.Ternary,
                _ => WeightFormat.Float,
            };
            int? inputBits = op.Attrs.ContainsKey(PimllmAttrs.ActBits) ? (int)op.Attrs.Int(PimllmAttrs.ActBits) : null;
            int? adc = op.Attrs.StrOr(PimllmAttrs.Unit, "") == "crossbar" ? ReadOutBits(t) : null;
            linears[w.Name] = new LinearPlan(w.Name, format, inputBits, SplitAxis.Outputs,
                [new CellGroup("crossbar", 0, w.Type.Shape[0].Constant, 0, adc)], t.Crossbars.Rows);
        }
        foreach (var op in annotated.Functions.SelectMany(f => f.Body).Where(ActivationPlan.IsStreamed))
        {
            var w = annotated.FindWeight(op.Operands[1].Name)!;
            if (linears.ContainsKey(w.Name) || !SramPlan.PerRowScales(w)) continue;
            linears[w.Name] = new LinearPlan(w.Name, WeightFormat.Int8PerChannel, t.ActivationBits, SplitAxis.Outputs,
                [new CellGroup("systolic", 0, w.Type.Shape[0].Constant, 0, null)], t.Crossbars.Rows);
        }
        int? kvBits = annotated.Attrs.ContainsKey(PimllmAttrs.KvBits) ? (int)annotated.Attrs.Int(PimllmAttrs.KvBits) : null;
        return new QuantisationPlan(Kind, linears.ToImmutable(), kvBits);
    }

    /// <summary>The bits of a tile's partial sum (<see cref="CrossbarConfig.ReadOutBits"/>, as the functional simulator reads them).</summary>
    public static int ReadOutBits(PimllmTarget t) => t.Crossbars.ReadOutBits(t.ActivationBits);

    public ValuesReference ValuesReference(Module runnable, QuantisationPlan plan, TargetDescription target) => new PimllmValuesReference(runnable, plan.WithoutNoise());

    public IReadOnlyList<string> Describe(TargetDescription target, bool noise)
    {
        var t = (PimllmTarget)target;
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"read-out: ADC {t.Crossbars.AdcBits} b per read of a {t.Crossbars.Rows}-row crossbar tile, {ReadOutBits(t)} b per tile sum; activations {t.ActivationBits} b absmax per token; projection weights BitNet binary or b1.58 ternary (--weights); the LM head on the array INT8 per row; no device noise"),
        ];
    }
}
