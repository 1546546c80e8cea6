using System.Collections.Immutable;
using Pimcc.Ir.Ops;

namespace Pimcc.Ir;

/// <summary>Resolves operand names to types within a module and a function's scope.</summary>
public sealed class OperandTypes
{
    private readonly Module _module;
    private readonly Dictionary<string, TensorType> _values = new(StringComparer.Ordinal);

    public OperandTypes(Module module, IEnumerable<Value> values)
    {
        _module = module;
        foreach (var v in values) _values[v.Name] = v.Type;
    }

    public void Define(Value v) => _values[v.Name] = v.Type;

    public bool IsDefined(Operand o) =>
        o.Kind == OperandKind.Value ? _values.ContainsKey(o.Name) : _module.FindWeight(o.Name) is not null;

    public TensorType TypeOf(Operand o) =>
        o.Kind == OperandKind.Value
            ? _values.TryGetValue(o.Name, out var t) ? t : throw new KeyNotFoundException($"undefined value %{o.Name}")
            : _module.FindWeight(o.Name)?.Type ?? throw new KeyNotFoundException($"undefined weight @{o.Name}");

    public OpSignature Signature(Operation op) => new(op.Opcode, [.. op.Operands.Select(TypeOf)], op.Attrs);

    /// <summary>Cost of an op in this scope, from its definition in <see cref="OpRegistry"/>.</summary>
    public OpCost Cost(Operation op) =>
        (OpRegistry.Find(op.Opcode) ?? throw new KeyNotFoundException($"unknown opcode '{op.Opcode}'"))
            .Cost(Signature(op), [.. op.Results.Select(r => r.Type)]);
}
