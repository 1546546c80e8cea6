using Pimcc.Diagnostics;
using Pimcc.Frontends.Onnx.Raising;
using Pimcc.Frontends.Onnx.Shapes;
using Pimcc.Ir;

namespace Pimcc.Frontends.Onnx.Import;

/// <summary>
/// Node-for-node import: every ONNX node becomes one generic <c>onnx.&lt;OpType&gt;</c> op in the form
/// the reference interpreter documents (runtime-sim/Pimcc.Reference/README.md): ONNX attributes
/// under their names, tensor inputs as operands in ONNX order, tensor-valued attributes of
/// Constant/ConstantOfShape as an extra weight operand; initializers become weights with data,
/// runtime inputs parameters (symbolic dims as IR symbols), outputs returns; result types are the
/// frontend's shape inference's.
/// </summary>
public static class OnnxGenericImporter
{
    /// <summary>Imports a prepared graph as one function (<paramref name="functionName"/>, default <c>prefill</c>),
    /// every value typed by the frontend's shape inference.</summary>
    public static Module Import(OnnxPreparedGraph prepared, string moduleName, string functionName = Module.Prefill)
    {
        var where = prepared.Model.Path;
        var graph = prepared.Graph;
        var runtime = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        return Import(graph, [.. runtime.Select(i => IrType(prepared.Facts.Get(i.Name), i.Name, where))],
            v => IrType(prepared.Facts.Get(v), v, where), moduleName, functionName, where);
    }

    /// <summary>Imports any graph: runtime-input types given in order, node outputs typed by <paramref name="typeOf"/>
    /// (node tests type them from their data sets). The function's <c>symbols</c> are those its types use.</summary>
    public static Module Import(OnnxGraph graph, IReadOnlyList<TensorType> paramTypes, Func<string, TensorType> typeOf,
        string moduleName, string functionName, string where)
    {
        var weights = new List<Weight>();
        foreach (var init in graph.Initializers) weights.Add(ToWeight(IrName(init.Name), init, where));
        var extra = new Dictionary<OnnxNode, List<Operand>>();
        foreach (var node in graph.Nodes)
        {
            var list = new List<Operand>();
            foreach (var a in node.Attributes.Where(a => a.Kind == OnnxAttributeKind.Tensor))
            {
                if (a.Name != "value" || node.OpType is not ("Constant" or "ConstantOfShape"))
                    throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: tensor attribute '{a.Name}' is not supported", "only Constant/ConstantOfShape 'value' tensors are imported");
                var name = IrName($"{node.Outputs[0]}.{a.Name}");
                weights.Add(ToWeight(name, a.Tensor!, where));
                list.Add(Operand.W(name));
            }
            extra[node] = list;
        }
        var module = new Module(moduleName, AttrMap.Empty.Set("source", "onnx"), [.. weights], [], []);
        var runtime = graph.Inputs.Where(i => graph.FindInitializer(i.Name) is null).ToList();
        if (runtime.Count != paramTypes.Count)
            throw new PimccError(ExitCode.InvalidModel, where, $"graph has {runtime.Count} runtime inputs, {paramTypes.Count} types were given", "pass one type per runtime input");
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        TensorType Note(TensorType t)
        {
            foreach (var d in t.Shape) foreach (var s in d.Symbols) symbols.Add(s);
            return t;
        }
        for (var i = 0; i < runtime.Count; i++) Note(paramTypes[i]);
        foreach (var n in graph.Nodes)
            foreach (var o in n.Outputs.Where(o => o.Length > 0))
                types[o] = Note(typeOf(o));
        var fb = new FunctionBuilder(module, functionName).Attr("symbols", AttrValue.Of(symbols));
        var scope = new Dictionary<string, Operand>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers) scope[init.Name] = Operand.W(IrName(init.Name));
        for (var i = 0; i < runtime.Count; i++) scope[runtime[i].Name] = fb.Param(IrName(runtime[i].Name), paramTypes[i]).Use;
        foreach (var node in graph.Nodes)
        {
            if (!OnnxOperatorSet.IsDefaultDomain(node.Domain))
                throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: domain '{node.Domain}' is not imported", "export with the default ai.onnx domain");
            var names = node.Inputs.ToList();
            while (names.Count > 0 && names[^1].Length == 0) names.RemoveAt(names.Count - 1);
            if (names.Any(n => n.Length == 0))
                throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: an omitted optional input before a present one is not imported", "re-export the model with the input given");
            if (node.Outputs.Any(o => o.Length == 0))
                throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: omitted optional outputs are not imported", "re-export the model");
            var operands = names.Select(n => scope.TryGetValue(n, out var o) ? o
                : throw new PimccError(ExitCode.InvalidModel, where, $"node {node.Describe()}: undefined input '{n}'", "check the graph's topological order")).Concat(extra[node]);
            var results = fb.OpTyped("onnx." + node.OpType, operands, Attributes(node), node.Outputs.Select(o => types[o]), [.. node.Outputs.Select(IrName)]);
            for (var r = 0; r < results.Length; r++) scope[node.Outputs[r]] = results[r].Use;
        }
        return module.WithFunctions([fb.Return([.. graph.Outputs.Select(o => scope[o.Name])])]);
    }

    /// <summary>The IR type of an inferred value: symbolic dims stay symbolic.</summary>
    public static TensorType IrType(ValueFacts f, string value, string where)
    {
        var element = RequireElement(f.ElementType, value, where);
        if (f.Shape is null || f.Shape.Any(d => !d.IsResolved))
            throw new PimccError(ExitCode.InvalidModel, where, $"shape inference could not resolve the shape of '{value}' ({f.ShapeText})", "export with static or named dimensions");
        return new TensorType(element, [.. f.Shape.Select(Dim)]);
    }

    /// <summary>The IR element type of an ONNX data type, or null when the IR has none (DOUBLE, UINT8, STRING, ...).</summary>
    public static ElementType? ElementOf(OnnxDataType t) => t switch
    {
        OnnxDataType.Float => ElementType.F32,
        OnnxDataType.Float16 => ElementType.F16,
        OnnxDataType.BFloat16 => ElementType.BF16,
        OnnxDataType.Int64 => ElementType.I64,
        OnnxDataType.Int32 => ElementType.I32,
        OnnxDataType.Int8 => ElementType.I8,
        OnnxDataType.Bool => ElementType.Bool,
        _ => null,
    };

    private static ElementType RequireElement(OnnxDataType t, string value, string where) =>
        ElementOf(t) ?? throw new PimccError(ExitCode.UnsupportedDataType, where,
            $"value '{value}' is {t}, which the IR has no element type for", "convert the model to float32/float16/int64");

    /// <summary>An inferred ONNX dimension as an IR dimension (symbolic terms stay symbolic).</summary>
    public static SymExpr Dim(DimExpr d) => d.Terms.Aggregate(SymExpr.Const(d.Constant), (acc, t) => acc + SymExpr.Sym(t.Symbol, t.Coefficient));

    private static Weight ToWeight(string name, OnnxTensor t, string where)
    {
        var type = new TensorType(RequireElement(t.DataType, t.Name, where), [.. t.Dims.Select(d => SymExpr.Const(d))]);
        return new Weight(name, type, WeightBytes.FromOnnx(t, type.Element), AttrMap.Empty);
    }

    private static string IrName(string onnxName) => onnxName.Length == 0 ? "_" : onnxName;

    private static AttrMap Attributes(OnnxNode node)
    {
        var map = AttrMap.Empty;
        foreach (var a in node.Attributes)
        {
            AttrValue? v = a.Kind switch
            {
                OnnxAttributeKind.Int => AttrValue.Of(a.Int),
                OnnxAttributeKind.Float => AttrValue.Of((double)a.Float),
                OnnxAttributeKind.String => AttrValue.Of(a.String),
                OnnxAttributeKind.Ints => AttrValue.Of(a.Ints),
                OnnxAttributeKind.Floats => AttrValue.Of(a.Floats.Select(f => (double)f)),
                OnnxAttributeKind.Strings => AttrValue.Of(a.Strings),
                _ => null,
            };
            if (v is not null) map = map.Set(a.Name, v);
        }
        return map;
    }
}
