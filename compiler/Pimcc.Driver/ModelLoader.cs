using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Driver;

/// <summary>Picks the frontend by file extension and loads the model into the IR.</summary>
public static class ModelLoader
{
    /// <param name="report">Receives one line per ONNX node that could not be raised (stderr in the driver).</param>
    public static Module Load(string path, HfWorkload workload, TextWriter? report = null) => Open(path, report).Load(workload);

    /// <summary>
    /// Checks <paramref name="path"/>; the result loads the model at any number of workloads, an ONNX model read and
    /// raised at the first load only (<see cref="OnnxFrontend.Raise"/>; a config or textual IR is cheap to read, and is
    /// read per load).
    /// </summary>
    public static ModelSource Open(string path, TextWriter? report = null) => new(path, Check(path), report);

    /// <summary>Refuses a model path that is not a regular file of a known type within its size bound.</summary>
    public static InputKind Check(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var kind = KindOf(ext);
        InputFile.Check(path, kind);
        return kind != InputKind.UnknownModel ? kind
            : throw new PimccError(ExitCode.UnsupportedModel, path, $"unknown model file type '{ext}'",
                "pimcc reads .json (HuggingFace config), .onnx and .pimir (textual IR)");
    }

    /// <summary>The input kind (and so the size bound) of a model file by its extension.</summary>
    public static InputKind KindOf(string extension) => extension switch
    {
        ".json" => InputKind.ModelConfig,
        ".pimir" => InputKind.IrText,
        ".onnx" => InputKind.Onnx,
        _ => InputKind.UnknownModel,
    };
}
