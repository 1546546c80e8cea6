using System.Collections.Immutable;

namespace Pimcc.Ir.Ops;

/// <summary>What type inference and cost functions see of an operation: operand types and attributes.</summary>
public sealed record OpSignature(string Opcode, ImmutableArray<TensorType> Operands, AttrMap Attrs)
{
    public TensorType this[int i] => Operands[i];

    public int Count => Operands.Length;

    /// <summary>Fails type inference with a message the verifier reports at the op.</summary>
    public IrTypeException Error(string message) => new($"{Opcode}: {message}");
}

/// <summary>An operation's operands or attributes do not fit its definition.</summary>
public sealed class IrTypeException(string message) : Exception(message);
