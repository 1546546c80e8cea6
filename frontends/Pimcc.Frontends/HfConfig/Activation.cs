using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// A transformers activation name (<c>ACT2FN</c> key) mapped to an IR op. <c>gelu_new</c>,
/// <c>gelu_pytorch_tanh</c> and <c>gelu_fast</c> are all the tanh approximation
/// 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))), i.e. PyTorch's <c>gelu(approximate="tanh")</c>.
/// </summary>
internal sealed record Activation(string ConfigName, string Opcode, string? Approximate)
{
    private static readonly Activation[] Known =
    [
        new("relu", "relu", null),
        new("gelu", "gelu", "none"),
        new("gelu_new", "gelu", "tanh"),
        new("gelu_pytorch_tanh", "gelu", "tanh"),
        new("gelu_fast", "gelu", "tanh"),
        new("silu", "silu", null),
        new("swish", "silu", null),
    ];

    public static Activation Parse(ConfigObject c, string field, string fallback)
    {
        var name = c.OptionalString(field) ?? fallback;
        return Known.FirstOrDefault(a => a.ConfigName == name)
            ?? throw c.Unsupported(field, $"activation \"{name}\" is not supported; supported: {string.Join(", ", Known.Select(a => a.ConfigName))}",
                "pimcc maps only activations the IR has an op for");
    }

    /// <summary>The activation a family fixes in code rather than in its config (BLOOM's <c>bloom_gelu_forward</c>).</summary>
    public static Activation Named(string name) =>
        Known.FirstOrDefault(a => a.ConfigName == name) ?? throw new ArgumentException($"unknown activation '{name}'", nameof(name));

    public Value Apply(FunctionBuilder fb, Value x, string name) =>
        fb.Op(Opcode, [x.Use], Approximate is null ? null : AttrMap.Empty.Set("approximate", Approximate), name);
}
