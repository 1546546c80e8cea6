using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.IrText;
using Pimcc.Ir;

namespace Pimcc.Driver;

/// <summary>Picks the frontend by file extension and loads the model into the IR.</summary>
public static class ModelLoader
{
    public static Module Load(string path, HfWorkload workload)
    {
        InputFile.MustExist(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".json" => HfConfigFrontend.Load(path, workload),
            ".pimir" => IrTextParser.Parse(InputFile.ReadText(path), path),
            ".onnx" => throw new PimccError(ExitCode.UnsupportedModel, path, "ONNX input is not yet supported by this pimcc",
                "use a HuggingFace config.json or a .pimir file for now"),
            _ => throw new PimccError(ExitCode.UnsupportedModel, path, $"unknown model file type '{ext}'",
                "pimcc reads .json (HuggingFace config), .onnx and .pimir (textual IR)"),
        };
    }
}
