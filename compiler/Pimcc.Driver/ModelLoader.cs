using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.IrText;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Driver;

/// <summary>Picks the frontend by file extension and loads the model into the IR.</summary>
public static class ModelLoader
{
    /// <param name="report">Receives one line per ONNX node that could not be raised (stderr in the driver).</param>
    public static Module Load(string path, HfWorkload workload, TextWriter? report = null)
    {
        InputFile.MustExist(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".json" => HfConfigFrontend.Load(path, workload),
            ".pimir" => IrTextParser.Parse(InputFile.ReadText(path), path),
            ".onnx" => LoadOnnx(path, workload, report),
            _ => throw new PimccError(ExitCode.UnsupportedModel, path, $"unknown model file type '{ext}'",
                "pimcc reads .json (HuggingFace config), .onnx and .pimir (textual IR)"),
        };
    }

    private static Module LoadOnnx(string path, HfWorkload workload, TextWriter? report)
    {
        var (module, r) = OnnxFrontend.LoadWithReport(path, new OnnxWorkload(workload.PromptTokens, workload.GeneratedTokens) { Defaulted = workload.Defaulted });
        if (r.WorkloadNote is { } note) report?.WriteLine($"{path}: note: {note}");
        if (!r.Raised && report is not null)
        {
            report.WriteLine($"{path}: warning: not raised to transformer-level IR; {r.GenericOps} generic ops (hint: see below)");
            foreach (var n in r.NotRaised) report.WriteLine($"{path}: note: node '{n.Node}' ({n.OpType}): {n.Reason}");
        }
        return module;
    }
}
