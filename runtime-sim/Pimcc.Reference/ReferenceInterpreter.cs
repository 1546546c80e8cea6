using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Ir;
using Pimcc.Reference.Kernels;
using Pimcc.Reference.Onnx;

namespace Pimcc.Reference;

/// <summary>
/// A straightforward interpreter for the IR: runs a function of a module op by op on concrete
/// tensors, with the semantics documented beside each opcode in <c>Pimcc.Ir.Ops</c> and ONNX
/// semantics for <c>onnx.*</c> generic ops. Float math is done in float32 (accumulation included)
/// and results are rounded to f16/bf16 when their declared type says so. It is the value oracle
/// the simulator is checked against, so it favours obviousness over speed.
/// </summary>
public sealed class ReferenceInterpreter
{
    private readonly Dictionary<string, Tensor> _weights = new(StringComparer.Ordinal);
    private readonly IReferenceTransform? _transform;

    /// <param name="transform">What the run changes in the model's arithmetic (a quantised reference's weight and
    /// activation transforms); null runs the IR as it is.</param>
    public ReferenceInterpreter(Module module, IReferenceTransform? transform = null)
    {
        Module = module;
        _transform = transform;
    }

    public Module Module { get; }

    /// <summary>
    /// Runs <paramref name="functionName"/> on <paramref name="inputs"/> (one per parameter) and
    /// returns its results. Symbols (e.g. <c>kv</c>) come from <paramref name="symbols"/>; a symbol
    /// that appears alone in a parameter dimension (e.g. <c>seq</c>) is also bound from the input's
    /// shape. Attention ops read and append to <paramref name="kv"/>.
    /// </summary>
    public ImmutableArray<Tensor> Run(string functionName, IReadOnlyList<Tensor> inputs,
        IReadOnlyDictionary<string, long>? symbols = null, KvCacheState? kv = null)
    {
        var fn = Module.FindFunction(functionName)
            ?? throw ReferenceErrors.Invalid($"module {Module.Name}", $"no function '@{functionName}'",
                $"functions: {string.Join(", ", Module.Functions.Select(f => f.Name))}");
        var bindings = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (symbols is not null) foreach (var (k, v) in symbols) bindings[k] = v;
        var env = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        BindParams(fn, inputs, bindings, env);

        foreach (var op in fn.Body)
        {
            var args = op.Operands.Select(o => Resolve(o, env, fn.Name, op)).ToArray();
            var ctx = new OpContext(op, fn.Name, args, bindings, kv);
            var results = Execute(ctx);
            if (results.Length != op.Results.Length)
                throw ctx.Error($"computed {results.Length} results, the op declares {op.Results.Length}");
            for (var i = 0; i < results.Length; i++) env[op.Results[i].Name] = Store(ctx, op.Results[i], results[i]);
        }
        return [.. fn.Returns.Select(r => Resolve(r, env, fn.Name, null))];
    }

    private Tensor[] Execute(OpContext ctx) => _transform?.Execute(ctx) ?? Kernel(ctx);

    /// <summary>The op's own kernel: its IR semantics (or ONNX semantics for <c>onnx.*</c> ops).</summary>
    public static Tensor[] Kernel(OpContext ctx)
    {
        var opcode = ctx.Op.Opcode;
        if (opcode.StartsWith(Ir.Ops.GenericOps.OnnxPrefix, StringComparison.Ordinal))
            return OnnxKernels.Run(opcode[Ir.Ops.GenericOps.OnnxPrefix.Length..], ctx);
        return IrKernels.Run(ctx);
    }

    private void BindParams(Function fn, IReadOnlyList<Tensor> inputs, SortedDictionary<string, long> bindings, Dictionary<string, Tensor> env)
    {
        var where = $"@{fn.Name}";
        if (inputs.Count != fn.Params.Length)
            throw ReferenceErrors.Invalid(where, $"got {inputs.Count} inputs, the function takes {fn.Params.Length}");
        for (var p = 0; p < inputs.Count; p++)
        {
            var param = fn.Params[p];
            var input = inputs[p];
            var at = $"{where}: parameter %{param.Name}";
            if (input.Element != param.Type.Element)
                throw ReferenceErrors.Invalid(at, $"input has element type {input.Element.Name()}, the parameter is {param.Type}");
            if (input.Rank != param.Type.Rank)
                throw ReferenceErrors.Invalid(at, $"input has shape {input.ShapeText}, the parameter is {param.Type}");
            for (var d = 0; d < input.Rank; d++)
            {
                var dim = param.Type.Shape[d].Substitute(bindings);
                // Bind a lone unknown symbol from the input's size: seq from input_ids, for example.
                if (!dim.IsConstant && dim.Terms.Count == 1)
                {
                    var (sym, coef) = dim.Terms.First();
                    var rest = input.Shape[d] - dim.Constant;
                    if (rest % coef == 0 && rest / coef >= 0) bindings[sym] = rest / coef;
                    dim = dim.Substitute(bindings);
                }
                if (!dim.IsConstant || dim.Constant != input.Shape[d])
                    throw ReferenceErrors.Invalid(at, $"input has shape {input.ShapeText}, the parameter is {param.Type}" +
                        $" (dimension {d.ToString(CultureInfo.InvariantCulture)} is {dim} with the bindings given)");
            }
            env[param.Name] = input;
        }
    }

    private Tensor Resolve(Operand o, Dictionary<string, Tensor> env, string fn, Operation? op)
    {
        if (o.Kind == OperandKind.Value)
            return env.TryGetValue(o.Name, out var t) ? t
                : throw ReferenceErrors.Invalid($"@{fn}" + (op is null ? "" : $": %{op.Id}"), $"value %{o.Name} is used before it is defined");
        if (_weights.TryGetValue(o.Name, out var w)) return w;
        var weight = Module.FindWeight(o.Name) ?? throw ReferenceErrors.Invalid($"@{fn}", $"no weight @{o.Name} in the module");
        if (!weight.HasData && weight.Type.StaticBytes > 0)
            throw ReferenceErrors.Invalid($"weight @{o.Name}", "the weight has no data (config-only model)",
                "import the model from a file with weights to run it");
        return _weights[o.Name] = WeightData.Decode(weight.Type, weight.Data, $"weight @{o.Name}");
    }

    /// <summary>
    /// Checks a computed result against the op's declared type and stores it in that type: float
    /// values are rounded to f16/bf16, integers wrapped to their width. Dimensions are checked when
    /// every symbol in them is bound.
    /// </summary>
    private static Tensor Store(OpContext ctx, Value declared, Tensor t)
    {
        var type = declared.Type;
        if (type.Rank != t.Rank)
            throw ctx.Error($"result %{declared.Name} has shape {t.ShapeText}, the op declares {type}");
        for (var d = 0; d < t.Rank; d++)
        {
            var dim = type.Shape[d].Substitute(ctx.Bindings);
            if (dim.IsConstant && dim.Constant != t.Shape[d])
                throw ctx.Error($"result %{declared.Name} has shape {t.ShapeText}, the op declares {type}");
        }
        if (type.Element == t.Element) return t;
        if (type.Element.IsFloat() && t.Floats is not null)
            return Tensor.Float(type.Element, t.Shape, (float[])t.Floats.Clone());
        if (!type.Element.IsFloat() && type.Element != ElementType.Bool && t.Ints is not null)
            return Tensor.Int(type.Element, t.Shape, (long[])t.Ints.Clone());
        throw ctx.Error($"result %{declared.Name} computes {t}, the op declares {type}");
    }
}
