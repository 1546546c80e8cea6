using System.Globalization;
using Pimcc.Hyflexpim.Isa;
using Pimcc.Reference;

namespace Pimcc.Accuracy;

/// <summary>
/// hyflexpim's values are checked against the reference in the ISA's number formats (<see cref="IsaFormatReference"/>,
/// noise off; docs/hyflexpim-sim.md, "Against the quantised reference"): both hold every value in the same formats, so
/// they differ only where the arithmetic inside an op (double in the simulator's SFU, float in the reference's kernels)
/// puts a result on the other side of a rounding step. A step's tolerance allows the last such decision, a logit's
/// rounding to the SFU's format: one unit in the last place at the largest |logit| (FP16: 2^(e - 10) for
/// 2^e &lt;= |logit| &lt; 2^(e+1)).
/// </summary>
public sealed class HyflexpimValuesReference(QuantisationPlan plan, HyflexpimTarget target) : ValuesReference
{
    public override string Name => "the reference in the ISA's formats (noise off)";

    public override string ToleranceRule => string.Create(CultureInfo.InvariantCulture,
        $"one unit in the last place of the SFU's {target.Precision.SfuBits}-bit floats at the largest |logit|");

    public override IReferenceTransform Transform { get; } = new IsaFormatReference(plan, HyflexpimAccuracy.Formats(target));

    public override double Tolerance(float[] logits) => LastPlace(logits, target);

    /// <summary>One unit in the last place of the SFU's floats at the largest |logit|.</summary>
    public static double LastPlace(float[] logits, HyflexpimTarget target) =>
        Math.Pow(2, Math.Floor(Math.Log2(logits.Max(Math.Abs))) - (target.Precision.SfuBits == 16 ? 10 : 23));
}
