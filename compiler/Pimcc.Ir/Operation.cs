using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>
/// One operation: <c>%r = opcode(%a, @w) {attrs} : type</c>. Immutable; change it with <c>with</c>.
/// The semantics of each opcode (arity, attributes, type inference, cost) are declared once in
/// <see cref="Ops.OpRegistry"/>.
/// </summary>
public sealed record Operation(string Opcode, ImmutableArray<Operand> Operands, ImmutableArray<Value> Results, AttrMap Attrs)
{
    /// <summary>The op's identity for diagnostics and debug info: its first result's name.</summary>
    public string Id => Results.IsDefaultOrEmpty ? Opcode : Results[0].Name;

    public Value Result => Results.Length == 1 ? Results[0] : throw new InvalidOperationException($"{Opcode} has {Results.Length} results");

    public Operation WithAttr(string name, AttrValue value) => this with { Attrs = Attrs.Set(name, value) };

    public Operation WithAttrs(AttrMap attrs) => this with { Attrs = attrs };

    public bool Equals(Operation? other) =>
        other is not null && Opcode == other.Opcode && Operands.SequenceEqual(other.Operands) &&
        Results.SequenceEqual(other.Results) && Attrs.Equals(other.Attrs);

    public override int GetHashCode() => HashCode.Combine(Opcode, Operands.Length, Results.Length, Attrs);
}
