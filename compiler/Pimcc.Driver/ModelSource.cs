using Pimcc.Diagnostics;
using Pimcc.Frontends.HfConfig;
using Pimcc.Frontends.IrText;
using Pimcc.Frontends.Onnx.Import;
using Pimcc.Ir;

namespace Pimcc.Driver;

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
