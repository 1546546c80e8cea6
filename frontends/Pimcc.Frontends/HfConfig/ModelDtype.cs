using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Frontends.HfConfig;

/// <summary>
/// The element type of weights, activations and KV caches, from <c>torch_dtype</c> (transformers
/// &lt; 4.56 writes that name, later versions write <c>dtype</c>) or an explicit override.
/// </summary>
internal static class ModelDtype
{
    /// <summary>Where the dtype came from; recorded as module attribute <c>dtype_source</c>.</summary>
    public const string FromConfig = "config", FromOverride = "override", Default = "default";

    private static readonly (string Torch, ElementType Type)[] Table =
    [
        ("float16", ElementType.F16),
        ("bfloat16", ElementType.BF16),
        ("float32", ElementType.F32),
    ];

    /// <summary>
    /// Resolves the dtype. A config without one (e.g. the original GPT-2 uploads) defaults to f16,
    /// the usual inference precision, and says so through <c>dtype_source = "default"</c>.
    /// </summary>
    public static (ElementType Type, string Source) Resolve(ConfigObject c, ElementType? overrideType)
    {
        var field = c.Has("torch_dtype") ? "torch_dtype" : "dtype";
        var name = c.OptionalString(field);
        ElementType? fromConfig = null;
        if (name is not null)
        {
            var row = Array.FindIndex(Table, r => r.Torch == name);
            if (row < 0)
                throw c.Unsupported(field, $"dtype \"{name}\" is not supported; supported: {string.Join(", ", Table.Select(r => r.Torch))}",
                    "override the dtype on the command line");
            fromConfig = Table[row].Type;
        }
        if (overrideType is { } o)
        {
            if (!o.IsFloat())
                throw new PimccError(ExitCode.Usage, c.File, $"dtype override {o.Name()} is not a floating-point type",
                    "use f32, f16 or bf16; quantisation is a pass, not a frontend option");
            return (o, FromOverride);
        }
        return fromConfig is { } t ? (t, FromConfig) : (ElementType.F16, Default);
    }
}
