using Pimcc.Diagnostics;

namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// Whether a target's memory-image pass embeds an image (<c>pimcc --image auto|on|off</c>, or the pass's own
/// <c>mode</c> option when given): <c>auto</c> when the weights carry data and the image stays under
/// <see cref="DefaultLimitBytes"/>, <c>on</c> always (a usage error without weight data), <c>off</c> never. The one
/// decision of hpim's and hyflexpim's image passes.
/// </summary>
public static class MemoryImageMode
{
    /// <summary>
    /// Default upper bound of an image the driver embeds without being asked (<c>--image auto</c>): 256 MiB keeps
    /// out.bin of the bundled ONNX samples and small exports self-contained without writing multi-GB files for real
    /// checkpoints (those are timing-only; functional runs are for small models).
    /// </summary>
    public const long DefaultLimitBytes = 256L << 20;

    /// <summary>The pass's <c>mode</c> option; its default defers to the driver's <c>--image</c>.</summary>
    public static PassOption Option { get; } = PassOption.Str("mode", "auto, on or off (default: the driver's --image)", "auto");

    public static bool Embeds(PassContext context, long weightBytes)
    {
        var mode = context.Options.IsExplicit(Option) ? context.Options.Str(Option) : context.Settings.Image;
        return mode switch
        {
            "off" => false,
            "on" when weightBytes == 0 => throw new PimccError(ExitCode.Usage, "--image on",
                "the model's weights carry no data (a HuggingFace config?), so there is no image to embed", "compile an ONNX model with weights, or drop --image on"),
            "on" => true,
            "auto" => weightBytes > 0 && weightBytes <= DefaultLimitBytes,
            _ => throw new PimccError(ExitCode.Usage, "--image", $"unknown image mode '{mode}'", "use auto, on or off"),
        };
    }
}
