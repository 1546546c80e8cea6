using Pimcc.Frontends.Onnx.Raising;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Import;

/// <summary>
/// The ONNX frontend: loads a model (<see cref="OnnxPreparedGraph.Load"/>: validation, shape
/// inference, folding) and raises a full-sequence decoder graph to the transformer-level IR the
/// HF-config frontend produces (docs/ir.md): <c>@prefill</c> and a derived <c>@decode</c> over one
/// KV cache per layer. A graph that cannot be raised is imported node for node as generic
/// <c>onnx.*</c> ops in <c>@prefill</c> (no decode), and the report says which node stopped raising
/// and why; nothing is dropped silently.
/// </summary>
public static class OnnxFrontend
{
    /// <summary>Loads and raises <paramref name="path"/>; see <see cref="LoadWithReport"/> for what was not raised.</summary>
    public static Module Load(string path, OnnxWorkload workload) => LoadWithReport(path, workload).Module;

    public static (Module Module, OnnxImportReport Report) LoadWithReport(string path, OnnxWorkload workload)
    {
        workload.Validate(path);
        var prepared = OnnxPreparedGraph.Load(path);
        var name = ModuleName(path);
        RaisedProgram program;
        try
        {
            program = GraphRaiser.Raise(prepared);
        }
        catch (RaisingFailure f)
        {
            var generic = OnnxGenericImporter.Import(prepared, name);
            Verifier.VerifyOrThrow(generic, path);
            var ops = generic.Functions[0].Body.Length;
            return (generic, new OnnxImportReport(false, prepared.Graph.Nodes.Count, prepared.NodesRemoved, 0, ops,
                [new NotRaisedNode(f.Node.Name.Length > 0 ? f.Node.Name : f.Node.Outputs[0], f.Node.OpType, f.Reason)],
                "none: the graph was not raised, so no decode step could be derived"));
        }
        var module = DecoderEmitter.Emit(name, program, workload, path);
        Verifier.VerifyOrThrow(module, path);
        var prefill = module.FindFunction(Module.Prefill)!;
        var generics = prefill.Body.Count(o => o.Opcode.StartsWith("onnx.", StringComparison.Ordinal));
        return (module, new OnnxImportReport(true, prepared.Graph.Nodes.Count, prepared.NodesRemoved, prefill.Body.Length - generics, generics, [],
            "derived from the raised prefill (same layers, rows = 1, past = kv, positions from kv)"));
    }

    private static string ModuleName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.Length > 0 ? stem : "model";
    }
}
