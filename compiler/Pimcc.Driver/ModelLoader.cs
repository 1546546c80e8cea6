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
        var kind = Check(path);
        if (workload.Positions is { } positions && kind != InputKind.ModelConfig)
            throw new PimccError(ExitCode.Usage, "--positions", $"--positions {positions} sets the context of a HuggingFace config; {path} states its own",
                "drop --positions for ONNX models and textual IR");
        if (kind != InputKind.ModelConfig) return kind == InputKind.IrText ? IrTextParser.Parse(InputFile.ReadText(path, kind), path) : LoadOnnx(path, workload, report);
        var module = HfConfigFrontend.Load(path, workload);
        if (workload.Positions is not null && module.Attrs.Int("max_positions") > module.Attrs.Int("config_max_positions"))
            report?.WriteLine($"{path}: note: compiled for --positions {module.Attrs.Int("max_positions")}, beyond the config's {module.Attrs.Int("config_max_positions")}, the context the model was trained for (rotary and ALiBi positions extend; the quality beyond is not known)");
        return module;
    }

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
