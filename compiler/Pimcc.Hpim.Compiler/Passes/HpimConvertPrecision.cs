using Pimcc.Targets;
using System.Buffers.Binary;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Hpim.Compiler.Passes;

/// <summary>
/// Converts every floating-point tensor (weights with their data, KV caches, values) to the target's
/// datapath precision (FP16 for hpim: <c>system.elementSize</c> = 2 bytes, HPIM paper). An f32 ONNX export
/// or a bf16 Llama config thus compiles for the FP16 PIM units; weight data is rounded to nearest even.
/// The module records what it was converted from (<c>hpim.converted_from</c>).
/// </summary>
public sealed class HpimConvertPrecision : Pass
{
    public static readonly Statistic WeightsConverted = new("weights-converted", "weights whose element type changed");
    public static readonly Statistic ValuesConverted = new("values-converted", "SSA values whose element type changed");

    public override string Name => "hpim-convert-precision";
    public override string Summary => "convert floating-point tensors to the target's datapath precision (FP16)";
    public override ImmutableArray<Statistic> Statistics => [WeightsConverted, ValuesConverted];
    public override ImmutableArray<string> Invalidates => [IrProperty.Annotated];

    public override Module Run(Module module, PassContext context)
    {
        var target = context.TargetAs<HpimTarget>().ElementBytes switch
        {
            2 => ElementType.F16,
            4 => ElementType.F32,
            var b => throw new PimccError(ExitCode.InvalidTargetDescription, "system.elementSize", $"{b}-byte elements have no floating-point type here", "use 2 (FP16) or 4 (FP32)"),
        };
        var from = new SortedSet<string>(StringComparer.Ordinal);
        TensorType Convert(TensorType t)
        {
            if (!t.Element.IsFloat() || t.Element == target) return t;
            from.Add(t.Element.Name());
            return t.WithElement(target);
        }
        var weights = module.Weights.Select(w =>
        {
            var t = Convert(w.Type);
            if (ReferenceEquals(t, w.Type)) return w;
            context.Stats.Add(WeightsConverted);
            return w with { Type = t, Data = w.HasData ? ConvertData(w.Data, w.Type.Element, target) : w.Data };
        }).ToImmutableArray();
        var caches = module.KvCaches.Select(c => c with { Type = Convert(c.Type) }).ToImmutableArray();
        var functions = module.Functions.Select(f => f with
        {
            Params = [.. f.Params.Select(p => p with { Type = Convert(p.Type) })],
            Body = [.. f.Body.Select(op => op with
            {
                Results = [.. op.Results.Select(r =>
                {
                    var t = Convert(r.Type);
                    if (!ReferenceEquals(t, r.Type)) context.Stats.Add(ValuesConverted);
                    return r with { Type = t };
                })],
                Attrs = op.Opcode == "cast" && ElementTypes.TryParse(op.Attrs.Str("to"), out var to) && to.IsFloat() ? op.Attrs.Set("to", target.Name()) : op.Attrs,
            })],
        }).ToImmutableArray();
        var attrs = module.Attrs;
        if (from.Count > 0)
            attrs = attrs.Set("hpim.converted_from", AttrValue.Of(from)).Set("dtype", target.Name());
        return (module with { Weights = weights, KvCaches = caches, Functions = functions }).WithAttrs(attrs);
    }

    private static ImmutableArray<byte> ConvertData(ImmutableArray<byte> data, ElementType from, ElementType to)
    {
        var src = data.AsSpan();
        var n = src.Length * 8 / from.Bits();
        var dst = new byte[n * to.Bits() / 8];
        for (var i = 0; i < n; i++)
        {
            var v = from switch
            {
                ElementType.F32 => BinaryPrimitives.ReadSingleLittleEndian(src[(i * 4)..]),
                ElementType.F16 => (float)BinaryPrimitives.ReadHalfLittleEndian(src[(i * 2)..]),
                ElementType.BF16 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadUInt16LittleEndian(src[(i * 2)..]) << 16),
                _ => throw new InvalidOperationException($"not a float type: {from}"),
            };
            switch (to)
            {
                case ElementType.F16: BinaryPrimitives.WriteHalfLittleEndian(dst.AsSpan(i * 2), (Half)v); break;
                case ElementType.F32: BinaryPrimitives.WriteSingleLittleEndian(dst.AsSpan(i * 4), v); break;
                default: throw new InvalidOperationException($"cannot convert to {to}");
            }
        }
        return [.. dst];
    }
}
