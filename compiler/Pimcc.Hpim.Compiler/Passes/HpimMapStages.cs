using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Compiler.Passes;
using Pimcc.Ir;
using Pimcc.Ir.Ops;
using U = Pimcc.Hpim.Compiler.HpimAttrs.Units;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Stage-specific mapping (HPIM compiler step 2). Prefill runs entirely on the SRAM-PIM cores:
/// GEMMs on the TCU with weights streamed from HBM, nonlinear and element-wise work on the VCU.
/// Decode runs weight GEMVs on HBM-PIM (weights stay in place), attention GEMVs (Q·Kᵀ, S·V) on the
/// PIM unit with Kᵀ made by the transpose unit, and everything else on the VCU.
/// </summary>
public sealed class HpimMapStages : Pass
{
    public static readonly Statistic MappedHbmPim = new("hbm-pim-ops", "decode weight GEMVs mapped to HBM-PIM");
    public static readonly Statistic MappedTcu = new("tcu-ops", "prefill GEMMs mapped to the TCU");
    public static readonly Statistic MappedVcu = new("vcu-ops", "nonlinear and element-wise ops mapped to the VCU");

    public override string Name => "hpim-map-stages";
    public override string Summary => "map each op to an HPIM unit by stage (prefill: SRAM-PIM; decode: HBM-PIM + SRAM-PIM)";
    public override ImmutableArray<Statistic> Statistics => [MappedHbmPim, MappedTcu, MappedVcu];
    public override ImmutableArray<string> Requires => [IrProperty.Annotated];
    public override ImmutableArray<string> Establishes => [HpimAttrs.StagesMapped];

    public override Module Run(Module module, PassContext context) =>
        module.WithFunctions(module.Functions.Select(f => f.WithBody(f.Body.Select(op => Map(op, f.Name == Module.Decode, context)))));

    private static Operation Map(Operation op, bool decode, PassContext context)
    {
        var cls = OpClassNames.TryParse(op.Attrs.StrOr(AnnotateOps.ClassAttr, ""), out var c) ? c : OpClass.DataMovement;
        var attrs = op.Attrs;
        string unit;
        if (op.Opcode == "attention")
        {
            unit = decode ? U.PimUnit : U.Tcu;
            var gemm = decode ? "pim" : "tcu";
            attrs = attrs.Set(HpimAttrs.Steps, AttrValue.Of([$"{U.Transpose}:k-transpose", $"{gemm}:q-kt", $"{U.Vcu}:softmax", $"{gemm}:s-v"]));
        }
        else if (op.Opcode == "linear" || (cls is OpClass.Gemm or OpClass.Gemv && op.Operands.Any(o => o.Kind == OperandKind.Weight)))
        {
            unit = decode ? U.HbmPim : U.Tcu;
            attrs = attrs.Set(HpimAttrs.Weights, decode ? "in-place" : "stream");
        }
        else
        {
            unit = cls switch
            {
                OpClass.Gemm => U.Tcu,
                OpClass.Gemv or OpClass.AttentionGemv => U.PimUnit,
                OpClass.Nonlinear or OpClass.ElementWise => U.Vcu,
                _ => op.Opcode switch
                {
                    "embedding" => U.HbmInterface,
                    "position_ids" => U.Scu,
                    _ => U.Transfer,
                },
            };
        }
        if (unit == U.HbmPim) context.Stats.Add(MappedHbmPim);
        else if (unit == U.Tcu) context.Stats.Add(MappedTcu);
        else if (unit == U.Vcu) context.Stats.Add(MappedVcu);
        return op.WithAttrs(attrs.Set(HpimAttrs.Unit, unit));
    }
}
