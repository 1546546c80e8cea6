using Google.Protobuf;
using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Proto;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// Reads a serialized TensorProto file, as the ONNX backend tests ship them
/// (test_x/test_data_set_0/input_0.pb), with the same checks as model initializers.
/// </summary>
public static class OnnxTensorFile
{
    public static OnnxTensor Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new PimccError(ExitCode.InputNotFound, path, $"cannot read the tensor: {e.Message}", "check the path");
        }
        TensorProto proto;
        try
        {
            proto = TensorProto.Parser.ParseFrom(bytes);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new PimccError(ExitCode.NotProtobuf, path, $"not a TensorProto ({e.Message.TrimEnd('.')})", "pass a .pb tensor file");
        }
        using var external = new ExternalDataFiles(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
        return new OnnxTensorDecoder(path, external).Decode(proto, $"tensor '{proto.Name}'");
    }
}
