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
    /// <summary>Imports a prepared graph as one function (<paramref name="functionName"/>, default <c>prefill</c>).</summary>
    public static Module Import(OnnxPreparedGraph prepared, string moduleName, string functionName = Module.Prefill)
    {
        var graph = prepared.Graph;
        var facts = prepared.Facts;
        var where = prepared.Model.Path;
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
        var symbols = new SortedSet<string>(StringComparer.Ordinal);
        var types = new Dictionary<string, TensorType>(StringComparer.Ordinal);
        TensorType TypeOf(string value)
        {
            if (types.TryGetValue(value, out var t)) return t;
            t = IrType(facts.Get(value), value, where);
            foreach (var d in t.Shape) foreach (var s in d.Symbols) symbols.Add(s);
            return types[value] = t;
        }
        foreach (var i in runtime) TypeOf(i.Name);
        foreach (var n in graph.Nodes) foreach (var o in n.Outputs.Where(o => o.Length > 0)) TypeOf(o);
        var fb = new FunctionBuilder(module, functionName).Attr("symbols", AttrValue.Of(symbols));
        var scope = new Dictionary<string, Operand>(StringComparer.Ordinal);
        foreach (var init in graph.Initializers) scope[init.Name] = Operand.W(IrName(init.Name));
        foreach (var i in runtime) scope[i.Name] = fb.Param(IrName(i.Name), TypeOf(i.Name)).Use;
        foreach (var node in graph.Nodes)
        {
            var names = node.Inputs.ToList();
            while (names.Count > 0 && names[^1].Length == 0) names.RemoveAt(names.Count - 1);
            if (names.Any(n => n.Length == 0))
                throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: an omitted optional input before a present one is not imported", "re-export the model with the input given");
            if (node.Outputs.Any(o => o.Length == 0))
                throw new PimccError(ExitCode.UnsupportedOperator, where, $"node {node.Describe()}: omitted optional outputs are not imported", "re-export the model");
            var operands = names.Select(n => scope[n]).Concat(extra[node]);
            var results = fb.OpTyped("onnx." + node.OpType, operands, Attributes(node), node.Outputs.Select(TypeOf), [.. node.Outputs.Select(IrName)]);
            for (var r = 0; r < results.Length; r++) scope[node.Outputs[r]] = results[r].Use;
        }
        return module.WithFunctions([fb.Return([.. graph.Outputs.Select(o => scope[o.Name])])]);
    }

    /// <summary>The IR type of an inferred value: symbolic dims stay symbolic.</summary>
    public static TensorType IrType(ValueFacts f, string value, string where)
    {
        var element = f.ElementType switch
        {
            OnnxDataType.Float => ElementType.F32,
            OnnxDataType.Float16 => ElementType.F16,
            OnnxDataType.BFloat16 => ElementType.BF16,
            OnnxDataType.Int64 => ElementType.I64,
            OnnxDataType.Int32 => ElementType.I32,
            OnnxDataType.Int8 => ElementType.I8,
            OnnxDataType.Bool => ElementType.Bool,
            var t => throw new PimccError(ExitCode.UnsupportedDataType, where, $"value '{value}' is {t}, which the IR has no element type for", "convert the model to float32/float16/int64"),
        };
        if (f.Shape is null || f.Shape.Any(d => !d.IsResolved))
            throw new PimccError(ExitCode.InvalidModel, where, $"shape inference could not resolve the shape of '{value}' ({f.ShapeText})", "export with static or named dimensions");
        return new TensorType(element, [.. f.Shape.Select(d => d.Terms.Aggregate(SymExpr.Const(d.Constant), (acc, t) => acc + SymExpr.Sym(t.Symbol, t.Coefficient)))]);
    }

    private static Weight ToWeight(string name, OnnxTensor t, string where)
    {
        var type = new TensorType(IrType(new ValueFacts(t.DataType, [.. t.Dims.Select(DimExpr.Of)]), t.Name, where).Element, [.. t.Dims.Select(d => SymExpr.Const(d))]);
        var data = type.Element switch
        {
            ElementType.F32 => WeightBytes.F32(t.ToFloat32()),
            ElementType.I64 => WeightBytes.I64(t.ToInt64()),
            ElementType.Bool => [.. ((bool[])t.Data).Select(b => b ? (byte)1 : (byte)0)],
            _ => throw new PimccError(ExitCode.UnsupportedDataType, where, $"initializer '{t.Name}' is {t.DataType}; generic import stores float32, int64 and bool", "convert the model to float32"),
        };
        return new Weight(name, type, data, AttrMap.Empty);
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
