using Pimcc.Frontends.Onnx.Shapes;

namespace Pimcc.Frontends.Onnx;

/// <summary>
/// A model ready for raising into the IR: loaded and validated, shape subgraphs folded, and
/// every value's type and (symbolic) shape inferred on the folded graph.
/// </summary>
public sealed record OnnxPreparedGraph(OnnxModel Model, OnnxGraph Graph, OnnxShapeFacts Facts, int NodesFolded, int NodesRemoved)
{
    /// <summary>Load, infer, fold, and infer again (so facts describe exactly <see cref="Graph"/>).</summary>
    public static OnnxPreparedGraph Load(string path)
    {
        var model = OnnxModelLoader.Load(path);
        var folded = OnnxConstantFolding.Fold(OnnxShapeInference.Infer(model.Graph, path));
        var facts = OnnxShapeInference.Infer(folded.Graph, path);
        return new OnnxPreparedGraph(model, folded.Graph, facts, folded.NodesFolded, folded.NodesRemoved);
    }
}
