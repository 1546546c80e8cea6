using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// A model ready for raising into the IR: loaded and validated, shape subgraphs folded, and
/// every value's type and (symbolic) shape inferred on the folded graph.
/// </summary>
public sealed record OnnxPreparedGraph(OnnxModel Model, OnnxGraph Graph, OnnxShapeFacts Facts, int NodesFolded, int NodesRemoved)
{
    /// <summary>Load, infer, fold, and infer again (so facts describe exactly <see cref="Graph"/>).</summary>
    public static OnnxPreparedGraph Load(string path) => Load(path, g => g);

    /// <summary>As <see cref="Load(string)"/>, with the loaded graph rewritten by <paramref name="bind"/> first
    /// (e.g. a symbolic batch axis fixed to 1) so inference and folding see the bound dimensions.</summary>
    public static OnnxPreparedGraph Load(string path, Func<OnnxGraph, OnnxGraph> bind)
    {
        var model = OnnxModelLoader.Load(path);
        var folded = OnnxConstantFolding.Fold(OnnxShapeInference.Infer(bind(model.Graph), path));
        var facts = OnnxShapeInference.Infer(folded.Graph, path);
        return new OnnxPreparedGraph(model, folded.Graph, facts, folded.NodesFolded, folded.NodesRemoved);
    }
}
