using System.Collections.Immutable;

namespace Pimcc.Ir;

/// <summary>
/// A function: the prefill program (for <c>seq</c> input tokens) or the decode step (for one new
/// token after <c>kv</c> cached ones). Generating M tokens runs <c>decode</c> M times with kv bound
/// to the current length; there is never one copy of code per token.
/// </summary>
public sealed record Function(
    string Name,
    ImmutableArray<Value> Params,
    ImmutableArray<Operation> Body,
    ImmutableArray<Operand> Returns,
    AttrMap Attrs)
{
    public Function WithBody(IEnumerable<Operation> body) => this with { Body = [.. body] };

    /// <summary>Every value defined in this function (parameters, then results in order).</summary>
    public IEnumerable<Value> Values => Params.Concat(Body.SelectMany(o => o.Results));

    public bool Equals(Function? other) =>
        other is not null && Name == other.Name && Params.SequenceEqual(other.Params) && Body.SequenceEqual(other.Body) &&
        Returns.SequenceEqual(other.Returns) && Attrs.Equals(other.Attrs);

    public override int GetHashCode() => HashCode.Combine(Name, Body.Length, Attrs);
}
