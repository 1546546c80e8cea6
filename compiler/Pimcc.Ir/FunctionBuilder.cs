using System.Collections.Immutable;
using System.Globalization;
using Pimcc.Ir.Ops;

namespace Pimcc.Ir;

/// <summary>
/// Builds a function op by op, inferring each result type from <see cref="OpRegistry"/>. Frontends
/// use it so they never restate an op's typing rules. Names come from the caller (e.g. <c>l3.q</c>)
/// or a counter.
/// </summary>
public sealed class FunctionBuilder
{
    private readonly Module _module;
    private readonly string _name;
    private readonly List<Value> _params = [];
    private readonly List<Operation> _body = [];
    private readonly OperandTypes _scope;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private AttrMap _attrs = AttrMap.Empty;
    private int _counter;

    /// <param name="module">Supplies the weights operands may name.</param>
    public FunctionBuilder(Module module, string name)
    {
        _module = module;
        _name = name;
        _scope = new OperandTypes(module, []);
    }

    public FunctionBuilder Attr(string key, AttrValue value)
    {
        _attrs = _attrs.Set(key, value);
        return this;
    }

    public Value Param(string name, TensorType type)
    {
        var v = new Value(Claim(name), type);
        _params.Add(v);
        _scope.Define(v);
        return v;
    }

    /// <summary>Appends a single-result op and returns its result.</summary>
    public Value Op(string opcode, IEnumerable<Operand> operands, AttrMap? attrs = null, string? name = null)
    {
        var def = OpRegistry.Find(opcode) ?? throw new ArgumentException($"unknown opcode '{opcode}'", nameof(opcode));
        if (def.IsGeneric) throw new ArgumentException("generic ops need explicit result types; use OpTyped", nameof(opcode));
        var ops = operands.ToImmutableArray();
        var a = attrs ?? AttrMap.Empty;
        var types = def.Infer(new OpSignature(opcode, [.. ops.Select(_scope.TypeOf)], a));
        return Append(opcode, ops, a, types, name)[0];
    }

    /// <summary>Appends an op whose result types are given (generic ops).</summary>
    public ImmutableArray<Value> OpTyped(string opcode, IEnumerable<Operand> operands, AttrMap attrs, IEnumerable<TensorType> types, IReadOnlyList<string>? names = null) =>
        Append(opcode, [.. operands], attrs, [.. types], null, names);

    public TensorType TypeOf(Operand o) => _scope.TypeOf(o);

    public Function Return(params Operand[] returns) =>
        new(_name, [.. _params], [.. _body], [.. returns], _attrs);

    private ImmutableArray<Value> Append(string opcode, ImmutableArray<Operand> operands, AttrMap attrs, ImmutableArray<TensorType> types, string? name, IReadOnlyList<string>? names = null)
    {
        var results = types.Select((t, i) => new Value(
            Claim(names is not null && i < names.Count ? names[i] : name is null ? null : types.Length == 1 ? name : $"{name}.{i}"), t)).ToImmutableArray();
        _body.Add(new Operation(opcode, operands, results, attrs));
        foreach (var r in results) _scope.Define(r);
        return results;
    }

    private string Claim(string? name)
    {
        if (name is null)
        {
            do name = (_counter++).ToString(CultureInfo.InvariantCulture); while (_names.Contains(name));
        }
        else if (_names.Contains(name))
        {
            var i = 1;
            while (_names.Contains($"{name}.{i}")) i++;
            name = $"{name}.{i}";
        }
        _names.Add(name);
        return name;
    }

    /// <summary>The module weights the builder resolves against.</summary>
    public Module Module => _module;
}
