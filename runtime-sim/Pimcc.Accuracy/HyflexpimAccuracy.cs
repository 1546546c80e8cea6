using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Hyflexpim.Compiler;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Ir;
using Pimcc.Targets;
using A = Pimcc.Hyflexpim.Compiler.HyflexpimAttrs;

namespace Pimcc.Accuracy;

/// <summary>
/// hyflexpim (docs/accuracy.md): the reference runs the IR after <c>svd-rank</c> and <c>assign-slc-mlc</c> (each
/// layer linear as Σ·Vᵀ then U, ranks permuted so the SLC ones come first); the mapping passes declare the rest:
/// every weight <c>hyflexpim-quantize</c> turned into <c>@W.int8</c> (<c>hfp.quantized_from</c>) is INT8 per output
/// channel, its linear an analog one (<c>hfp.unit</c>) with <c>precision.inputBits</c> inputs absmax per token; Σ·Vᵀ's
/// first <c>hfp.slc_ranks</c> outputs and U's first <c>hfp.slc_ranks</c> inputs are SLC cells, the rest MLC; an
/// unfactored weight (the LM head) is all SLC when its arrays (<c>hfp.arrays</c>) are, else all MLC. Each mode's cells
/// carry its noise σ (<see cref="CellNoise"/> from <c>device.mlcBitErrorRate</c>) and are read by the ADC width
/// <c>hyflexpim-map-crossbars</c> chose (<c>hfp.adc_bits</c>), per tile of <c>analog.rows</c> inputs, each tile sum
/// rebuilt by shift-and-add from bit-serial reads (<see cref="ReadOutBits"/>). Q, K and V are
/// <c>precision.kvBits</c> absmax per token (digital PIM).
/// </summary>
public sealed class HyflexpimAccuracy : IAccuracyTarget
{
    public string Kind => HyflexpimKind.Name;

    public string RunnablePipeline => "infer-shapes,canonicalize,complete-norm-params,bind-workload,svd-rank,assign-slc-mlc";

    public string AnnotatedPipeline => RunnablePipeline + ",hyflexpim-quantize,annotate-ops,hyflexpim-map-units,hyflexpim-map-crossbars";

    /// <summary>σ of η for SLC and MLC cells (<see cref="CellNoise"/>), from the description.</summary>
    public static (double Slc, double Mlc, double DeviceSigma) Sigmas(HyflexpimTarget t)
    {
        var max = CellNoise.MaxBitErrorRate(t.Analog.MlcBitsPerCell);
        if (t.Device.MlcBitErrorRate >= max)
            throw new PimccError(ExitCode.InvalidTargetDescription, "device.mlcBitErrorRate",
                string.Create(CultureInfo.InvariantCulture, $"a bit error rate of {t.Device.MlcBitErrorRate:G4} is not reached by Gaussian read noise on {t.Analog.MlcBitsPerCell}-bit cells (at most {max:G4}, as the noise grows without bound)"),
                "use a rate below that, e.g. the measured 4.04%");
        var device = CellNoise.DeviceSigma(t.Device.MlcBitErrorRate, t.Analog.MlcBitsPerCell);
        return (CellNoise.WeightSigma(device, t.Analog.SlcBitsPerCell, t.Precision.WeightBits),
                CellNoise.WeightSigma(device, t.Analog.MlcBitsPerCell, t.Precision.WeightBits), device);
    }

    public QuantisationPlan Plan(Module annotated, TargetDescription target)
    {
        var t = (HyflexpimTarget)target;
        var (slcSigma, mlcSigma, _) = Sigmas(t);
        var adc = annotated.Attrs.Ints(A.AdcBits);
        var analog = annotated.Functions.SelectMany(f => f.Body)
            .Where(op => op.Opcode == "linear" && op.Attrs.StrOr(A.Unit, "") == A.Units.Analog && op.Operands.Length >= 2)
            .Select(op => op.Operands[1].Name).ToHashSet(StringComparer.Ordinal);
        var linears = ImmutableSortedDictionary.CreateBuilder<string, LinearPlan>(StringComparer.Ordinal);
        foreach (var w in annotated.Weights.Where(w => w.Attrs.ContainsKey("hfp.quantized_from") && analog.Contains(w.Name)))
        {
            var name = w.Attrs.Str("hfp.quantized_from");
            var rows = w.Type.Shape[0].Constant;
            var columns = w.Type.Shape[1].Constant;
            CellGroup Slc(long start, long count) => new("SLC", start, count, slcSigma, ReadOutBits(t, CellMode.Slc, (int)adc[0]));
            CellGroup Mlc(long start, long count) => new("MLC", start, count, mlcSigma, ReadOutBits(t, CellMode.Mlc, (int)adc[1]));
            ImmutableArray<CellGroup> Split(long slc, long all) =>
                [.. new[] { Slc(0, slc), Mlc(slc, all - slc) }.Where(g => g.Count > 0)];
            var (axis, groups) = w.Attrs.StrOr(A.Factor, "") switch
            {
                A.SigmaVt => (SplitAxis.Outputs, Split(w.Attrs.Int(A.SlcRanks), rows)),
                A.U => (SplitAxis.Inputs, Split(w.Attrs.Int(A.SlcRanks), columns)),
                _ => (SplitAxis.Outputs, w.Attrs.Ints(A.Arrays) is [> 0, 0] ? [Slc(0, rows)] : ImmutableArray.Create(Mlc(0, rows))),
            };
            linears[name] = new LinearPlan(name, WeightFormat.Int8PerChannel, t.Precision.InputBits, axis, groups, t.Analog.Rows);
        }
        return new QuantisationPlan(Kind, linears.ToImmutable(), t.Precision.KvBits);
    }

    /// <summary>
    /// The bits of a tile's reconstructed partial sum: the ADC resolves one read, one input bit (bit-serial inputs) times
    /// one cell's bits summed down the tile's rows, with <paramref name="adcBits"/> bits; shift-and-add then weighs the
    /// <c>precision.inputBits</c> input bits and the weight's slices of <c>bitsPerCell</c> bits, which adds
    /// (input bits - 1) + (weight bits - bits per cell) bits below the converter's.
    /// </summary>
    public static int ReadOutBits(HyflexpimTarget t, CellMode mode, int adcBits) =>
        adcBits + (t.Precision.InputBits - 1) + (t.Precision.WeightBits - t.Analog.BitsPerCell(mode));

    /// <summary>
    /// The formats hyflexpim's ISA computes in (docs/hyflexpim-isa.md): the SFU's floats at <c>precision.sfuBits</c>,
    /// <c>sfu.quant</c>'s i8 codes in [-127, 127] with scale max / 127, <c>sfu.softmax</c>'s i8 probabilities in steps
    /// of 1/127 (127: the largest i8).
    /// </summary>
    public static IsaFormats Formats(HyflexpimTarget t) => new(t.Precision.SfuBits, sbyte.MaxValue, sbyte.MaxValue);

    public ValuesReference ValuesReference(Module runnable, QuantisationPlan plan, TargetDescription target) => new HyflexpimValuesReference(plan.WithoutNoise(), (HyflexpimTarget)target);

    public IReadOnlyList<string> Describe(TargetDescription target, bool noise)
    {
        var t = (HyflexpimTarget)target;
        var (slc, mlc, device) = Sigmas(t);
        var f = CultureInfo.InvariantCulture;
        string[] lines =
        [
            string.Create(f, $"device: {t.Analog.MlcBitsPerCell}-bit MLC bit error rate {t.Device.MlcBitErrorRate:G4} (device.mlcBitErrorRate) -> read noise sigma_G {device:G4} of the conductance window"),
            string.Create(f, $"noise: sigma_eta SLC {slc:G4} (bit error rate {CellNoise.BitErrorRate(device, t.Analog.SlcBitsPerCell):G3}), MLC {mlc:G4} ({t.Precision.WeightBits}-bit weights sliced into {t.Analog.SlcBitsPerCell}- and {t.Analog.MlcBitsPerCell}-bit cells)"),
            string.Create(f, $"read-out: ADC {t.Analog.AdcBitsNeeded(CellMode.Slc)} b SLC, {t.Analog.AdcBitsNeeded(CellMode.Mlc)} b MLC per bit-serial read of a {t.Analog.Rows}-row tile, so {ReadOutBits(t, CellMode.Slc, t.Analog.AdcBitsNeeded(CellMode.Slc))} b and {ReadOutBits(t, CellMode.Mlc, t.Analog.AdcBitsNeeded(CellMode.Mlc))} b per tile sum after shift-and-add; inputs {t.Precision.InputBits} b, Q/K/V {t.Precision.KvBits} b absmax per token; weights INT8 per output channel"),
        ];
        return noise ? lines : lines[2..];
    }
}
