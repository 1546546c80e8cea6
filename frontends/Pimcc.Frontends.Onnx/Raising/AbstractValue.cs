using Pimcc.Frontends.Onnx;

namespace Pimcc.Frontends.Onnx.Raising;

/// <summary>
/// What the raiser knows an ONNX value to be. Transformer exports spell each block as a chain of
/// small ops; each intermediate of a recognised chain gets a kind saying how far the chain got
/// (e.g. <see cref="RmsStep"/>), and the last op of the chain turns it into a <see cref="Rows"/>
/// value backed by one raised op. An op whose inputs fit no rule stops raising (reported).
/// </summary>
internal abstract record AbstractValue;

/// <summary>An initializer (weights, constants folded from shape arithmetic).</summary>
internal sealed record Init(OnnxTensor Tensor) : AbstractValue;

/// <summary>Integer/bool shape arithmetic (Shape, Gather of a shape, Concat of dims ...): consumed as
/// Reshape/Expand targets whose values shape inference already knows; never emitted.</summary>
internal sealed record ShapeArith : AbstractValue
{
    public static readonly ShapeArith Instance = new();
}

/// <summary>The graph's <c>input_ids</c> [1, seq].</summary>
internal sealed record Ids : AbstractValue;

/// <summary>Positions 0..seq-1 plus <paramref name="Offset"/> (int64, or float when <paramref name="IsFloat"/>).</summary>
internal sealed record Positions(long Offset, bool IsFloat) : AbstractValue;

/// <summary>Rotary angles pos·inv_freq (<paramref name="Doubled"/> after concat([f, f])), then cos/sin of them.</summary>
internal sealed record RopeAngles(double Theta, long Dim, bool Doubled, string? Trig) : AbstractValue;

/// <summary>Activations [1, seq, width] (or [seq, width] when not <paramref name="Batched"/>), held as
/// the raised op's [rows, width] result.</summary>
internal sealed record Rows(RaisedNode Node, bool Batched = true) : AbstractValue;

/// <summary>A [1, seq, n·d] value split into heads: [1, seq, n, d] (BSHD) or [1, n, seq, d] (BHSD);
/// <paramref name="Groups"/> > 1 after GQA's repeat_kv; <paramref name="KeyT"/> for kᵀ [1, n, d, seq].</summary>
internal sealed record Heads(RaisedNode Node, long N, long D, bool Bhsd, long Groups = 1, bool KeyT = false, double PreScale = 1) : AbstractValue;

/// <summary>A projection times a scalar before it is split into heads (OPT's <c>q_proj(x) · scaling</c>):
/// the factor moves into the attention scale.</summary>
internal sealed record ScaledRows(RaisedNode Node, double Scale) : AbstractValue;

/// <summary>Steps of GQA's repeat_kv: unsqueeze at axis 2, then expand.</summary>
internal sealed record RepeatKv(Heads Source, long Groups) : AbstractValue;

/// <summary>Pieces of rotate-half RoPE on <paramref name="Source"/>: "cos" (x·cos), "lo"/"hi" halves, "neg_hi",
/// "rot" (concat(−hi, lo)), "sin" (rot·sin).</summary>
internal sealed record RopePart(Heads Source, string Part, double Theta) : AbstractValue;

/// <summary>q·kᵀ with the scale applied so far, possibly masked; <paramref name="Softmaxed"/> after softmax.</summary>
internal sealed record Scores(Heads Q, Heads K, double Scale, bool Causal, bool Softmaxed) : AbstractValue;

/// <summary>The causal mask chain: ones [seq, seq] -> strict upper triangle -> bool.</summary>
internal sealed record MaskStep(string Step) : AbstractValue;

/// <summary>Steps of x·rsqrt(mean(x²) + eps): "sq", "mean", "add" (with eps), "sqrt", "inv", "normed".</summary>
internal sealed record RmsStep(RaisedNode X, string Step, double Eps) : AbstractValue;

/// <summary>Steps of GELU spelled out: <paramref name="Form"/> "tanh" or "erf", <paramref name="Step"/> counts recognised ops.</summary>
internal sealed record GeluStep(RaisedNode X, string Form, int Step) : AbstractValue;

/// <summary>sigmoid(x), waiting for x·sigmoid(x) = silu(x).</summary>
internal sealed record SigmoidOf(RaisedNode X) : AbstractValue;

/// <summary>wᵀ of an initializer (a tied LM head reads the embedding table transposed).</summary>
internal sealed record TransposedInit(OnnxTensor Tensor) : AbstractValue;
