using Pimcc.Diagnostics;

namespace Pimcc.Frontends.Onnx;

/// <summary>Builds the ONNX frontend's user errors, so messages and hints read the same everywhere.</summary>
internal static class OnnxErrors
{
    public static PimccError Invalid(string location, string message) =>
        new(ExitCode.InvalidModel, location, message, "re-export the model, or check it with onnx.checker");

    public static PimccError UnsupportedType(string location, string message) =>
        new(ExitCode.UnsupportedDataType, location, message, "pimcc handles numeric tensors: float, float16, bfloat16, double, int8-int64, uint8, uint16, bool");

    public static PimccError SizeOverflow(string location, string message) =>
        new(ExitCode.SizeOverflow, location, message, "the tensor's dims are corrupt or absurdly large");
}
