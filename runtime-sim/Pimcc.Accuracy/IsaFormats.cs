namespace Pimcc.Accuracy;

/// <summary>
/// The number formats a target's ISA computes in, which a quantised reference can follow instead of its generic
/// quantisers (<see cref="IsaFormatReference"/>, docs/hyflexpim-sim.md "Against the quantised reference"):
/// <list type="bullet">
/// <item><see cref="SfuBits"/>: every float value between instructions and every parameter the SFU reads (norm gains,
/// biases, per-channel weight scales, rotary cos/sin tables) is held at that width (16: FP16, round to nearest even);</item>
/// <item><see cref="QuantLevels"/>: activation quantisation absmax per row with scale max / levels (held in the SFU's
/// format) and codes round(x / scale), half away from zero, in [-levels, levels];</item>
/// <item><see cref="ProbabilityLevels"/>: attention probabilities as codes round(levels x p), weighing V by code / levels.</item>
/// </list>
/// Linear weights are INT8 per output channel; the integer products are exact (an ADC that reads every sum below its
/// top code) and are dequantised by the input's scale, then the weight's, each result held in the SFU's format.
/// </summary>
public sealed record IsaFormats(int SfuBits, int QuantLevels, int ProbabilityLevels);
