using System.Globalization;
using Pimcc.Compiler.Quantization;
using Pimcc.Ir;
using Pimcc.Reference;

namespace Pimcc.Accuracy;

/// <summary>
/// pimllm's values are checked against the quantised reference (<see cref="QuantisedReference"/>, noise off: the same
/// BitNet weights, 8-bit inputs absmax per token with the ADC's read-out per crossbar tile, Q/K/V absmax per token, the
/// LM head INT8 per row; float32 elsewhere).
/// <para>A step's tolerance is max_j sum_i |W_ji| of the LM head as the binary holds it (INT8 per row,
/// <see cref="Int8PerChannel"/>) times one 8-bit step of the LM head's input (max |h| / 128, h as the reference computes
/// it in that step): every input of every logit one code apart. Why one code: the binary and the reference run the same
/// integer arithmetic through the same quantisers and differ only where the binary stores a number format the reference
/// keeps in float32 (fp16 activations, biases, norm gains and embeddings; 8-bit attention probabilities with a per-row
/// scale); those differences are far below one 8-bit step of the LM head's input, and a quantiser turns a difference
/// below its step into at most one code. A corrupted cell or scale moves the logits by more (PimllmValuesTests).</para>
/// </summary>
public sealed class PimllmValuesReference(Module runnable, QuantisationPlan plan) : ValuesReference
{
    private readonly HeadInputProbe _probe = new(new QuantisedReference(plan, null));
    private readonly double _headRowNorm = HeadRowNorm(runnable);

    public override string Name => "the quantised reference (noise off)";

    public override string ToleranceRule => string.Create(CultureInfo.InvariantCulture,
        $"one 8-bit step of the LM head's input (max |h| / 128) times the head's largest INT8 row norm ({_headRowNorm:G4})");

    public override IReferenceTransform Transform => _probe;

    public override double Tolerance(float[] logits) => _probe.MaxAbs / 128 * _headRowNorm;

    /// <summary>max_j sum_i |W_ji| of the LM head (the decode function's linear with role lm_head) quantised INT8 per row.</summary>
    public static double HeadRowNorm(Module m)
    {
        var head = m.Functions.Single(f => f.Name == Module.Decode).Body.Single(o => o.Opcode == "linear" && o.Attrs.StrOr("role", "") == "lm_head");
        var w = m.FindWeight(head.Operands[1].Name)!;
        int rows = (int)w.Type.Shape[0].Constant, columns = (int)w.Type.Shape[1].Constant;
        var (codes, scales) = Int8PerChannel.Quantize(OneBitQuantization.ReadFloats(w), rows, columns);
        return Enumerable.Range(0, rows).Max(j => scales[j] * Enumerable.Range(0, columns).Sum(i => Math.Abs((double)codes[j * columns + i])));
    }

    /// <summary>The quantised reference, noting the largest |x| the LM head's input reaches in each run.</summary>
    private sealed class HeadInputProbe(IReferenceTransform inner) : IReferenceTransform
    {
        public double MaxAbs { get; private set; }

        public Tensor[]? Execute(OpContext ctx)
        {
            if (ctx.Op.Opcode == "linear" && ctx.Op.Attrs.StrOr("role", "") == "lm_head")
                MaxAbs = ctx[0].Floats!.Max(v => Math.Abs((double)v));
            return inner.Execute(ctx);
        }
    }
}
