using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Terms an <c>attention</c> op may add to its scores before the softmax (docs/ir.md): soft-capping (Gemma 2) and
/// ALiBi position biases (BLOOM). A target whose attention code does not compute them refuses the op through
/// <see cref="RefuseAny"/>, rather than dropping the terms, which would compute (or time) another model at exit 0.
/// </summary>
public static class AttentionScoreTerms
{
    public static readonly IReadOnlyList<(string Attr, string What)> All =
        [("alibi_slopes", "ALiBi position biases"), ("softcap", "attention-score soft-capping")];

    /// <summary>Refuses (exit 23, naming the op) an attention op that carries any score term.</summary>
    public static void RefuseAny(Function f, Operation op, string lowering)
    {
        foreach (var (attr, what) in All)
            if (op.Attrs.ContainsKey(attr))
                throw new PimccError(ExitCode.UnsupportedOperator, $"func @{f.Name}, %{op.Id}",
                    $"the {lowering} has no code for {what} (attention attribute '{attr}')",
                    "compile this model for a target that computes it (docs/ir.md, \"Attention\", says which do)");
    }
}
