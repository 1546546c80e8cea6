namespace Pimcc.Sim;

/// <summary>
/// Maps an IR op name from a binary's debug ranges (e.g. <c>l3.q</c>, <c>layers.0.attn.softmax</c>,
/// <c>l7.ffn.fc1</c>) to a <see cref="WorkClass"/>, for every target's simulator. The name is split at '.', '/', '_'
/// and '-' and the most specific token decides, scanning from the end; null when no token is recognised (the target
/// then falls back to the unit the word runs on).
/// </summary>
public static class IrOpClass
{
    private static readonly (string[] Tokens, WorkClass Class)[] Rules =
    [
        (["softmax", "layernorm", "ln", "ln1", "ln2", "norm", "rmsnorm", "gelu", "relu", "silu", "act", "activation", "residual", "res", "bias", "scale", "exp"], WorkClass.Nonlinear),
        (["q", "k", "v", "qkv", "wq", "wk", "wv", "query", "key", "value"], WorkClass.QkvGeneration),
        (["qk", "qkt", "score", "scores", "sv", "pv", "attn", "attention", "kt", "context", "ctx"], WorkClass.Attention),
        (["o", "out", "wo", "dense", "proj", "oproj"], WorkClass.OutputProjection),
        (["fc1", "fc2", "ffn", "mlp", "up", "down", "gate", "fc"], WorkClass.Ffn),
        (["load", "store", "copy", "gather", "prefetch", "append", "kv", "kvcache", "send", "recv", "move", "transfer", "embed", "embedding"], WorkClass.DataMovement),
    ];

    /// <summary>Class of an IR op name; null when no token is recognised.</summary>
    public static WorkClass? Classify(string irOpName)
    {
        var tokens = irOpName.ToLowerInvariant().Split(['.', '/', '_', '-', ':'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = tokens.Length - 1; i >= 0; i--)
        {
            var t = tokens[i];
            // "q_proj", "out_proj": the token before "proj" decides.
            if (t == "proj" && i > 0 && Lookup(tokens[i - 1]) is { } before) return before == WorkClass.QkvGeneration ? before : WorkClass.OutputProjection;
            if (Lookup(t) is { } c) return c;
        }
        return null;
    }

    private static WorkClass? Lookup(string token)
    {
        foreach (var (tokens, cls) in Rules)
            if (Array.IndexOf(tokens, token) >= 0) return cls;
        return null;
    }
}
