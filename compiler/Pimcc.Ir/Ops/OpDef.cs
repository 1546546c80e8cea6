using System.Collections.Immutable;

namespace Pimcc.Ir.Ops;

/// <summary>Kinds an attribute may have; checked by the verifier.</summary>
public enum AttrKind { Int, Expr, Float, String, Bool, IntList, FloatList, StringList, Any }

/// <summary>An attribute an op declares: its name, kind, and whether it must be present.</summary>
public sealed record AttrSpec(string Name, AttrKind Kind, bool Required = true);

/// <summary>
/// The single definition of an opcode: arity, attributes, result-type inference and cost. The
/// verifier, the printer/parser, the annotation pass and the reference interpreter all read this.
/// </summary>
public sealed record OpDef(
    string Name,
    string Summary,
    int MinOperands,
    int MaxOperands,
    ImmutableArray<AttrSpec> Attrs,
    Func<OpSignature, ImmutableArray<TensorType>> Infer,
    Func<OpSignature, ImmutableArray<TensorType>, OpCost> Cost)
{
    /// <summary>Generic ops (e.g. <c>onnx.*</c>) accept any attributes and take declared result types as given.</summary>
    public bool IsGeneric { get; init; }
}
