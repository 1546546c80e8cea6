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

/// <summary>A value computed only from shapes, initializers, the attention mask and the position ids
/// (shape arithmetic, causal masks, position indices, rotary tables, scale factors). Never emitted:
/// where it meets the activations, <see cref="StructuralEvaluator"/> computes it for a few sequence
/// and cached lengths and the raiser checks what it is.</summary>
internal sealed record Structural : AbstractValue
{
    public static readonly Structural Instance = new();
}

/// <summary>The graph's <c>input_ids</c> [1, seq].</summary>
internal sealed record Ids : AbstractValue;

/// <summary>Activations [1, seq, width] (or [seq, width] when not <paramref name="Batched"/>), held as
/// the raised op's [rows, width] result.</summary>
internal sealed record Rows(RaisedNode Node, bool Batched = true) : AbstractValue;

/// <summary>A [1, seq, n·d] value split into heads: [1, seq, n, d] (BSHD) or [1, n, seq, d] (BHSD);
/// <paramref name="Groups"/> > 1 after GQA's repeat_kv; <paramref name="KeyT"/> for kᵀ [1, n, d, seq]; <paramref name="Cached"/>
/// once concatenated after the cached positions (a with-past graph's <c>present</c> keys and values).</summary>
internal sealed record Heads(RaisedNode Node, long N, long D, bool Bhsd, long Groups = 1, bool KeyT = false, double PreScale = 1, bool Cached = false) : AbstractValue;

/// <summary>A linear's output viewed per head with its parts side by side (BLOOM's and GPT-NeoX's fused
/// <c>query_key_value</c>): [1, seq, n, <paramref name="Width"/>] or [1, seq, n, parts, d] (<paramref name="PartDim"/> = d).
/// Selecting one part of every head is a linear over strided row blocks of the fused weight. <paramref name="Bhsd"/>:
/// transposed to [1, n, seq, Width] before the parts are taken (GPT-NeoX after transformers 4.49: <c>chunk(3, -1)</c>).</summary>
internal sealed record FusedHeads(RaisedNode Fused, long N, long Width, long? PartDim, bool Bhsd = false) : AbstractValue;

/// <summary>A KV-cache input <c>past_key_values.N.key/value</c> [1, kv_heads, past, head_dim]: the attention op's cache.</summary>
internal sealed record PastKv(string Input) : AbstractValue;

/// <summary>A projection times a scalar before it is split into heads (OPT's <c>q_proj(x) · scaling</c>):
/// the factor moves into the attention scale.</summary>
internal sealed record ScaledRows(RaisedNode Node, double Scale) : AbstractValue;

/// <summary>Steps of GQA's repeat_kv: unsqueeze at axis 2, then expand.</summary>
internal sealed record RepeatKv(Heads Source, long Groups) : AbstractValue;

/// <summary>Channels [<paramref name="Start"/>, <paramref name="End"/>) of every head of <paramref name="Source"/>
/// (a slice of the head dimension), every <paramref name="Step"/>-th of them (2: the even or odd channels of
/// rotate_every_two), <paramref name="Negated"/> after Neg: the pieces of rotate-half and of a partial rotation.</summary>
internal sealed record HeadChannels(Heads Source, long Start, long End, bool Negated = false, long Step = 1) : AbstractValue;

/// <summary>Every other channel of a head with a new last axis of one (<c>Unsqueeze(.., -1)</c>), before a stack
/// (<c>torch.stack((-x2, x1), dim=-1)</c> of GPT-J's rotate_every_two).</summary>
internal sealed record StackedChannels(HeadChannels Lane) : AbstractValue;

/// <summary>rotate_every_two of channels [<paramref name="Start"/>, <paramref name="End"/>) stacked as
/// [.., (End − Start) / 2, 2] pairs (−x[2k+1], x[2k]), before the flatten that interleaves them.</summary>
internal sealed record StackedPairs(Heads Source, long Start, long End) : AbstractValue;

/// <summary>Pieces of RoPE on channels [<paramref name="Start"/>, <paramref name="End"/>) of
/// <paramref name="Source"/>'s heads: "cos" (x·cos), "rot" (cat(−x_hi, x_lo), or with <paramref name="Interleaved"/>
/// GPT-J's rotate_every_two (−x[2k+1], x[2k]) pairs), "sin" (rot·sin); the tables' θ and linear scaling factor (1: none).</summary>
internal sealed record RopePart(Heads Source, string Part, double Theta, long Start, long End, double Factor = 1, double[]? Frequencies = null, double Amplitude = 1,
    string Table = "", bool Interleaved = false) : AbstractValue;

/// <summary>q·kᵀ with the scale applied so far, possibly masked; <paramref name="Softmaxed"/> after softmax.
/// Gemma 2's soft-capping c·tanh(s/c): <paramref name="Tanh"/> after tanh(scale·q·kᵀ) until the factor c arrives,
/// then <paramref name="Softcap"/> = c (and Scale = the scale before tanh times c). <paramref name="Alibi"/>: BLOOM's
/// per-head slopes of an added bias m_h·j.</summary>
internal sealed record Scores(Heads Q, Heads K, double Scale, bool Causal, bool Softmaxed, bool Tanh = false, double? Softcap = null,
    double[]? Alibi = null) : AbstractValue;

/// <summary>Steps of x·rsqrt(mean(x²) + eps) after the mean: "mean", "add" (with eps), "sqrt", "inv", "normed".</summary>
internal sealed record RmsStep(RaisedNode X, string Step, double Eps) : AbstractValue;

/// <summary>An element-wise function <paramref name="F"/> of the activation <paramref name="X"/> (see <see cref="Fn"/>);
/// identified as an activation, a scale or x² where it is consumed; <paramref name="Last"/> is the node that
/// extended it last (reported when the function is no known one).</summary>
internal sealed record Pointwise(RaisedNode X, Fn F, OnnxNode Last, bool Batched = true) : AbstractValue;

/// <summary>The output of a node that was not raised (see <see cref="RaisingFailures"/>), or anything computed from one.</summary>
internal sealed record Unraised : AbstractValue
{
    public static readonly Unraised Instance = new();
}

/// <summary>wᵀ of an initializer (a tied LM head reads the embedding table transposed).</summary>
internal sealed record TransposedInit(OnnxTensor Tensor) : AbstractValue;
