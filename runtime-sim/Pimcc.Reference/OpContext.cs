using System.Collections.Immutable;
using Pimcc.Diagnostics;
using Pimcc.Ir;

namespace Pimcc.Reference;

/// <summary>What a kernel sees of one operation being executed: its operands' values, attributes,
/// declared result types, the symbol bindings and the KV-cache state.</summary>
public sealed class OpContext
{
    internal OpContext(Operation op, string function, Tensor[] args, IReadOnlyDictionary<string, long> bindings, KvCacheState? kv)
    {
        Op = op;
        Args = args;
        Bindings = bindings;
        Kv = kv;
        Location = $"@{function}: %{op.Id} ({op.Opcode})";
    }

    /// <summary>The same op on other operand values (a transform that changes an op's inputs, then runs its kernel).</summary>
    public OpContext WithArgs(Tensor[] args) => new(this, args);

    private OpContext(OpContext source, Tensor[] args)
    {
        Op = source.Op;
        Args = args;
        Bindings = source.Bindings;
        Kv = source.Kv;
        Location = source.Location;
    }

    public Operation Op { get; }
    public Tensor[] Args { get; }
    public IReadOnlyDictionary<string, long> Bindings { get; }
    public KvCacheState? Kv { get; }
    public string Location { get; }
    public AttrMap Attrs => Op.Attrs;

    public int Count => Args.Length;
    public Tensor this[int i] => Args[i];

    /// <summary>Operand i, or null when it is absent.</summary>
    public Tensor? Optional(int i) => i < Args.Length ? Args[i] : null;

    /// <summary>Element type the op declares for result i.</summary>
    public ElementType ResultElement(int i) => Op.Results[i].Type.Element;

    public int ResultCount => Op.Results.Length;

    public long Eval(SymExpr e)
    {
        try
        {
            return e.Evaluate(Bindings);
        }
        catch (NonLinearException)
        {
            throw Error($"'{e}' has unbound symbols; bind them (e.g. kv) when running");
        }
    }

    public long Expr(string attr) => Eval(Attr(attr, () => Attrs.Expr(attr)));

    public long Int(string attr) => Attr(attr, () => Attrs.Int(attr));

    public long IntOr(string attr, long fallback) => Attrs.ContainsKey(attr) ? Int(attr) : fallback;

    public double Float(string attr) => Attr(attr, () => Attrs.Float(attr));

    public double FloatOr(string attr, double fallback) => Attrs.ContainsKey(attr) ? Float(attr) : fallback;

    public string Str(string attr) => Attr(attr, () => Attrs.Str(attr));

    public string StrOr(string attr, string fallback) => Attrs.ContainsKey(attr) ? Str(attr) : fallback;

    public bool Bool(string attr) => Attr(attr, () => Attrs.Bool(attr));

    public ImmutableArray<long> Ints(string attr) => Attr(attr, () => Attrs.Ints(attr));

    public ImmutableArray<long>? IntsOrNull(string attr) => Attrs.ContainsKey(attr) ? Ints(attr) : null;

    private T Attr<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (KeyNotFoundException e)
        {
            throw Error(e.Message);
        }
    }

    public PimccError Error(string message, string hint = "") => ReferenceErrors.Invalid(Location, message, hint);

    /// <summary>Normalises a possibly negative axis against a rank, or fails.</summary>
    public int Axis(long axis, int rank)
    {
        if (axis < -rank || axis >= rank) throw Error($"axis {axis} is out of range for rank {rank}");
        return (int)(axis < 0 ? axis + rank : axis);
    }
}
