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

/// <summary>A model file opened by <see cref="ModelLoader.Open"/>, loaded into the IR per workload.</summary>
public sealed class ModelSource
{
    private readonly InputKind _kind;
    private readonly TextWriter? _report;
    private RaisedOnnxModel? _onnx;
    private bool _reportedRaising;

    internal ModelSource(string path, InputKind kind, TextWriter? report) => (Path, _kind, _report) = (path, kind, report);

    public string Path { get; }

    /// <summary>The model at <paramref name="workload"/>; what an ONNX graph could not raise is reported once, a note on the workload per load.</summary>
    public Module Load(HfWorkload workload)
    {
        if (workload.Positions is { } positions && _kind != InputKind.ModelConfig)
            throw new PimccError(ExitCode.Usage, "--positions", $"--positions {positions} sets the context of a HuggingFace config; {Path} states its own",
                "drop --positions for ONNX models and textual IR");
        if (_kind == InputKind.Onnx) return LoadOnnx(workload);
        if (_kind == InputKind.IrText) return IrTextParser.Parse(InputFile.ReadText(Path, _kind), Path);
        var module = HfConfigFrontend.Load(Path, workload);
        if (workload.Positions is not null && module.Attrs.Int("max_positions") > module.Attrs.Int("config_max_positions"))
            _report?.WriteLine($"{Path}: note: compiled for --positions {module.Attrs.Int("max_positions")}, beyond the config's {module.Attrs.Int("config_max_positions")}, the context the model was trained for (rotary and ALiBi positions extend; the quality beyond is not known)");
        return module;
    }

    private Module LoadOnnx(HfWorkload workload)
    {
        var w = new OnnxWorkload(workload.PromptTokens, workload.GeneratedTokens) { Defaulted = workload.Defaulted };
        w.Validate(Path);
        _onnx ??= OnnxFrontend.Raise(Path);
        var (module, r) = _onnx.Emit(w);
        if (r.WorkloadNote is { } note) _report?.WriteLine($"{Path}: note: {note}");
        if (!r.Raised && _report is not null && !_reportedRaising)
        {
            _reportedRaising = true;
            _report.WriteLine($"{Path}: warning: not raised to transformer-level IR; {r.GenericOps} generic ops (hint: see below)");
            foreach (var n in r.NotRaised) _report.WriteLine($"{Path}: note: node '{n.Node}' ({n.OpType}): {n.Reason}");
        }
        return module;
    }
}
