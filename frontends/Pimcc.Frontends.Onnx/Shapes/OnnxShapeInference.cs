using Pimcc.Diagnostics;

namespace Pimcc.Frontends.Onnx.Shapes;

/// <summary>
/// Infers element type and shape of every value in an <see cref="OnnxGraph"/>, with symbolic
/// dimensions (graph-input dim_params such as "seq", and expressions like "past_seq + 1"), and
/// folds the shape arithmetic exporters emit (Shape, Gather, Unsqueeze, Concat, Slice, Equal,
/// Where, Range, ConstantOfShape...) into <see cref="ValueFacts.Elements"/>, so that Reshape and
/// Expand targets become known. Rules follow the ONNX operator specs for opsets 13-21
/// (https://onnx.ai/onnx/operators/); axes given as inputs (Squeeze/Unsqueeze 13+, ReduceSum 13+,
/// other reductions 18+) and as attributes (older reductions) are both handled.
/// A model whose shapes contradict each other is an InvalidModel error naming the node.
/// </summary>
public static class OnnxShapeInference
{
    /// <summary>Integer tensors up to this many elements are tracked element by element.</summary>
    internal const int MaxTrackedElements = 64;

    public static OnnxShapeFacts Infer(OnnxGraph graph, string location = "") =>
        Infer(graph, new Dictionary<string, OnnxTensor>(StringComparer.Ordinal), location);

    /// <summary>
    /// Inference with the values of some graph inputs known (e.g. a test's input tensors): their
    /// shapes replace the declared ones and small integer values are tracked like constants.
    /// </summary>
    public static OnnxShapeFacts Infer(OnnxGraph graph, IReadOnlyDictionary<string, OnnxTensor> knownInputs, string location = "")
    {
        var facts = new Dictionary<string, ValueFacts>(StringComparer.Ordinal);
        foreach (var t in graph.Initializers)
            facts[t.Name] = FromTensor(t);
        foreach (var input in graph.Inputs)
            facts[input.Name] = knownInputs.TryGetValue(input.Name, out var known)
                ? FromTensor(known)
                : new ValueFacts(input.ElementType, input.Shape?.Dims.Select((d, i) => FromDeclared(d, input.Name, i)).ToArray());

        foreach (var node in graph.Nodes)
        {
            IReadOnlyList<ValueFacts> outputs;
            try
            {
                outputs = new NodeRules(node, facts).Apply();
            }
            catch (ShapeInferenceException e)
            {
                throw new PimccError(ExitCode.InvalidModel, $"{(location.Length > 0 ? location : graph.Name)}: node {node.Describe()}",
                    $"shape inference: {e.Message}", "the model's shapes are inconsistent; re-export it");
            }
            for (var i = 0; i < node.Outputs.Count; i++)
                if (node.Outputs[i].Length > 0)
                    facts[node.Outputs[i]] = outputs[i];
        }
        return new OnnxShapeFacts(graph, facts);
    }

    private static DimExpr FromDeclared(OnnxDim d, string value, int axis) =>
        d.Value is { } v ? DimExpr.Of(v) : d.Symbol is { Length: > 0 } s ? ParseDimParam(s) : DimExpr.Unknown($"{value}:{axis}");

    /// <summary>A dim_param as a linear expression when it is one: optimum declares the attention mask of a
    /// KV-cache graph <c>past_sequence_length + 1</c>, which must be <c>past_sequence_length</c> plus one,
    /// not a new symbol. Anything else (a plain name, or text that is no sum of names and integers) is one symbol.</summary>
    internal static DimExpr ParseDimParam(string text)
    {
        var tokens = System.Text.RegularExpressions.Regex.Split(text.Replace(" ", "", StringComparison.Ordinal), "([+-])");
        if (tokens.Length == 1) return DimExpr.Symbol(text);
        var sum = DimExpr.Of(0);
        var sign = 1;
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            if (i % 2 == 1) { sign = t == "-" ? -1 : 1; continue; }
            DimExpr term;
            if (long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k)) term = DimExpr.Of(k);
            else if (t.Length > 0 && (char.IsAsciiLetter(t[0]) || t[0] == '_') && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) term = DimExpr.Symbol(t);
            else return DimExpr.Symbol(text);
            sum = sign > 0 ? sum + term : sum - term;
        }
        return sum;
    }

    internal static ValueFacts FromTensor(OnnxTensor t)
    {
        var shape = t.Dims.Select(DimExpr.Of).ToArray();
        IReadOnlyList<DimExpr>? elements = null;
        if (ShapeMath.IsInteger(t.DataType) && t.Dims.Count <= 1 && t.ElementCount <= MaxTrackedElements)
            elements = t.ToInt64().Select(DimExpr.Of).ToArray();
        return new ValueFacts(t.DataType, shape, elements);
    }
}
