using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Raising;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Import;

/// <summary>
/// The ONNX frontend: loads a model (<see cref="OnnxPreparedGraph.Load"/>: validation, shape
/// inference, folding) and raises a full-sequence decoder graph to the transformer-level IR the
/// HF-config frontend produces (docs/ir.md): <c>@prefill</c> and a derived <c>@decode</c> over one
/// KV cache per layer. A graph that cannot be raised is imported node for node as generic
/// <c>onnx.*</c> ops in <c>@prefill</c> (no decode), and the report names every node that stopped raising
/// and why; nothing is dropped silently.
/// </summary>
public static class OnnxFrontend
{
    /// <summary>Loads and raises <paramref name="path"/>; see <see cref="LoadWithReport"/> for what was not raised.</summary>
    public static Module Load(string path, OnnxWorkload workload) => LoadWithReport(path, workload).Module;

    public static (Module Module, OnnxImportReport Report) LoadWithReport(string path, OnnxWorkload workload)
    {
        workload.Validate(path);
        return Raise(path).Emit(workload);
    }

    /// <summary>
    /// Reads, prepares and raises <paramref name="path"/> without a workload (none of that depends on one); the
    /// result emits the module for any number of workloads (<see cref="RaisedOnnxModel.Emit"/>), so a caller that needs
    /// the model at two workloads reads the file once.
    /// </summary>
    public static RaisedOnnxModel Raise(string path)
    {
        var prepared = OnnxPreparedGraph.Load(path, DecoderInputs.OneSequence);
        var name = ModuleName(path);
        RaisedProgram program;
        try
        {
            program = GraphRaiser.Raise(prepared);
        }
        catch (RaisingFailures f)
        {
            Module generic;
            try
            {
                generic = OnnxGenericImporter.Import(prepared, name);
                Verifier.VerifyOrThrow(generic, path);
            }
            catch (PimccError e)
            {
                // Neither raised nor importable node for node: say why raising stopped, every node at once.
                throw new PimccError(ExitCode.UnsupportedModel, path,
                    $"{f.Failures.Count} node{(f.Failures.Count == 1 ? "" : "s")} fit no transformer pattern: "
                    + string.Join("; ", f.Failures.Select(x => $"{x.Node.Describe()}: {x.Reason}")),
                    $"the node-for-node import failed too ({e.Message})");
            }
            var ops = generic.Functions[0].Body.Length;
            return new RaisedOnnxModel(path, name, prepared, null, (generic, new OnnxImportReport(false, prepared.Graph.Nodes.Count, prepared.NodesRemoved, 0, ops,
                [.. f.Failures.Select(x => new NotRaisedNode(x.Node.Name.Length > 0 ? x.Node.Name : x.Node.Outputs.FirstOrDefault() ?? "(graph)", x.Node.OpType, x.Reason))],
                "none: the graph was not raised, so no decode step could be derived")));
        }
        return new RaisedOnnxModel(path, name, prepared, DecoderEmitter.Prepare(program), null);
    }

    private static string ModuleName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length > 0 ? stem : "model";
    }
}

/// <summary>
/// An ONNX model read, prepared and raised (<see cref="OnnxFrontend.Raise"/>), not yet bound to a workload: the raised
/// program is emitted for a workload (KV caches sized for it, its length checks) by <see cref="Emit"/>, as often as asked.
/// A graph that was not raised is its node-for-node import whatever the workload.
/// </summary>
public sealed class RaisedOnnxModel
{
    private readonly string _path, _name;
    private readonly OnnxPreparedGraph _prepared;
    private readonly DecoderEmitter.Prepared? _program;
    private readonly (Module Module, OnnxImportReport Report)? _generic;

    internal RaisedOnnxModel(string path, string name, OnnxPreparedGraph prepared, DecoderEmitter.Prepared? program, (Module, OnnxImportReport)? generic) =>
        (_path, _name, _prepared, _program, _generic) = (path, name, prepared, program, generic);

    /// <summary>The module for <paramref name="workload"/>, and what was (not) raised.</summary>
    public (Module Module, OnnxImportReport Report) Emit(OnnxWorkload workload)
    {
        workload.Validate(_path);
        if (_program is null) return _generic!.Value;
        var module = DecoderEmitter.Emit(_name, _program, workload, _path, out var note);
        Verifier.VerifyOrThrow(module, _path);
        var prefill = module.FindFunction(Module.Prefill)!;
        var generics = prefill.Body.Count(o => o.Opcode.StartsWith("onnx.", StringComparison.Ordinal));
        return (module, new OnnxImportReport(true, _prepared.Graph.Nodes.Count, _prepared.NodesRemoved, prefill.Body.Length - generics, generics, [],
            "derived from the raised prefill (same layers, rows = 1, past = kv, positions from kv)") { WorkloadNote = note });
    }
}
