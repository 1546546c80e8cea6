using Pimcc.Diagnostics;

namespace Pimcc.Compiler.PassManagement;

/// <summary>
/// Whether a target's image pass embeds the initial memory image, the one rule every such pass follows: its
/// <c>mode</c> option when given, else the driver's <c>--image</c>: <c>auto</c> embeds when the weights carry data and
/// the image stays under the limit, <c>on</c> always (a usage error without weight data), <c>off</c> never.
/// </summary>
public static class MemoryImageMode
{
    /// <summary>The largest image <c>auto</c> embeds: 256 MiB keeps out.bin of the bundled ONNX samples and small exports
    /// self-contained without writing multi-GB files for real checkpoints (those are timing-only).</summary>
    public const long AutoLimitBytes = 256L << 20;

    public static PassOption Option { get; } = PassOption.Str("mode", "auto, on or off (default: the driver's --image)", "auto");

    public static bool Embeds(PassContext context, PassOption mode, long weightBytes, long limitBytes = AutoLimitBytes)
    {
        var m = context.Options.IsExplicit(mode) ? context.Options.Str(mode) : context.Settings.Image;
        return m switch
        {
            "off" => false,
            "on" when weightBytes == 0 => throw new PimccError(ExitCode.Usage, "--image on",
                "the model's weights carry no data (a HuggingFace config?), so there is no image to embed", "compile an ONNX model with weights, or drop --image on"),
            "on" => true,
            "auto" => weightBytes > 0 && weightBytes <= limitBytes,
            _ => throw new PimccError(ExitCode.Usage, "--image", $"unknown image mode '{m}'", "use auto, on or off"),
        };
    }
}
