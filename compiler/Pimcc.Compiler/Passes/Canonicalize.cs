using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Brings a function to canonical form: removes identity ops (reshape to the same shape, identity
/// transpose, cast to the same type), merges duplicate pure ops (same opcode, operands and
/// attributes), and deletes pure ops whose results are never used. <c>attention</c> writes its KV
/// cache and is never removed or merged.
/// </summary>
public sealed class Canonicalize : Pass
{
    public static readonly Statistic IdentitiesRemoved = new("identities-removed", "identity reshape/transpose/cast ops removed");
    public static readonly Statistic DuplicatesMerged = new("duplicates-merged", "pure ops merged with an identical earlier op");
    public static readonly Statistic DeadRemoved = new("dead-removed", "pure ops removed because nothing used their results");

    public override string Name => "canonicalize";
    public override string Summary => "remove identity, duplicate and dead operations";
    public override ImmutableArray<Statistic> Statistics => [IdentitiesRemoved, DuplicatesMerged, DeadRemoved];
    public override ImmutableArray<string> Establishes => [IrProperty.Canonical];

    public override Module Run(Module module, PassContext context) =>
        module.WithFunctions(module.Functions.Select(f => RemoveDead(Simplify(f, context), context)));

    private static bool HasSideEffects(Operation op) => op.Opcode == AttentionOps.Attention.Name;

    private static Function Simplify(Function f, PassContext context)
    {
        var replace = new Dictionary<string, Operand>(StringComparer.Ordinal);
        var seen = new Dictionary<string, Operation>(StringComparer.Ordinal);
        var types = f.Values.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
        var body = new List<Operation>();
        Operand Map(Operand o) => o.Kind == OperandKind.Value && replace.TryGetValue(o.Name, out var r) ? r : o;
        foreach (var original in f.Body)
        {
            var op = original with { Operands = [.. original.Operands.Select(Map)] };
            if (IsIdentity(op, types))
            {
                replace[op.Result.Name] = op.Operands[0];
                context.Stats.Add(IdentitiesRemoved);
                continue;
            }
            if (!HasSideEffects(op))
            {
                var key = $"{op.Opcode}({string.Join(",", op.Operands)}){op.Attrs}:{string.Join(",", op.Results.Select(r => r.Type))}";
                if (seen.TryGetValue(key, out var first))
                {
                    for (var i = 0; i < op.Results.Length; i++) replace[op.Results[i].Name] = first.Results[i].Use;
                    context.Stats.Add(DuplicatesMerged);
                    continue;
                }
                seen[key] = op;
            }
            body.Add(op);
        }
        return f with { Body = [.. body], Returns = [.. f.Returns.Select(Map)] };
    }

    private static bool IsIdentity(Operation op, Dictionary<string, TensorType> types)
    {
        if (op.Results.Length != 1 || op.Operands.Length != 1 || op.Operands[0].Kind != OperandKind.Value) return false;
        if (!types.TryGetValue(op.Operands[0].Name, out var input)) return false;
        return op.Opcode switch
        {
            "reshape" or "cast" => input.Equals(op.Result.Type),
            "transpose" => op.Attrs.Ints("perm").Select((p, i) => p == i).All(x => x),
            _ => false,
        };
    }

    private static Function RemoveDead(Function f, PassContext context)
    {
        var live = new HashSet<string>(f.Returns.Where(r => r.Kind == OperandKind.Value).Select(r => r.Name), StringComparer.Ordinal);
        var keep = new bool[f.Body.Length];
        for (var i = f.Body.Length - 1; i >= 0; i--)
        {
            var op = f.Body[i];
            if (!HasSideEffects(op) && !op.Results.Any(r => live.Contains(r.Name))) continue;
            keep[i] = true;
            foreach (var o in op.Operands.Where(o => o.Kind == OperandKind.Value)) live.Add(o.Name);
        }
        var removed = keep.Count(k => !k);
        if (removed == 0) return f;
        context.Stats.Add(DeadRemoved, removed);
        return f.WithBody(f.Body.Where((_, i) => keep[i]));
    }
}
