using Pimcc.Diagnostics;
using Pimcc.Ir.Ops;

namespace Pimcc.Ir;

/// <summary>One verifier finding: where (module/function/op) and what.</summary>
public sealed record IrError(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>
/// Checks the structural and type invariants of a module: unique names, SSA (every use after its
/// definition), known opcodes with the right arity and attribute kinds, declared result types equal
/// to the inferred ones, declared symbols, KV caches that attention ops name, and weight data sizes.
/// </summary>
public static class Verifier
{
    public static IReadOnlyList<IrError> Verify(Module module)
    {
        var errors = new List<IrError>();
        CheckUnique(errors, $"module @{module.Name}", "weight", module.Weights.Select(w => w.Name));
        CheckUnique(errors, $"module @{module.Name}", "kv_cache", module.KvCaches.Select(c => c.Name));
        CheckUnique(errors, $"module @{module.Name}", "func", module.Functions.Select(f => f.Name));
        foreach (var w in module.Weights) VerifyWeight(errors, w);
        foreach (var c in module.KvCaches) VerifyKvCache(errors, c);
        foreach (var f in module.Functions) VerifyFunction(errors, module, f);
        return errors;
    }

    /// <summary>Throws a user-facing <see cref="PimccError"/> (InvalidModel) naming the first error and how many more.</summary>
    public static void VerifyOrThrow(Module module, string source)
    {
        var errors = Verify(module);
        if (errors.Count == 0) return;
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
        throw new PimccError(ExitCode.InvalidModel, $"{source}: {errors[0].Location}", errors[0].Message + more,
            "the IR violates an invariant; fix the input or report a pimcc bug if a pass produced it");
    }

    private static void VerifyWeight(List<IrError> errors, Weight w)
    {
        var loc = $"weight @{w.Name}";
        if (!CheckStaticShape(errors, loc, w.Type)) return;
        if (w.HasData && w.Data.Length != w.Type.StaticBytes)
            errors.Add(new(loc, $"has {w.Data.Length} bytes of data, type {w.Type} needs {w.Type.StaticBytes}"));
    }

    private static void VerifyKvCache(List<IrError> errors, KvCache c)
    {
        var loc = $"kv_cache @{c.Name}";
        if (c.Type.Rank != 3) errors.Add(new(loc, $"type {c.Type} must be [max_len, kv_heads, head_dim]"));
        else CheckStaticShape(errors, loc, c.Type);
    }

    private static bool CheckStaticShape(List<IrError> errors, string loc, TensorType t)
    {
        foreach (var d in t.Shape)
        {
            if (!d.IsConstant) { errors.Add(new(loc, $"type {t} must be static")); return false; }
            if (d.Constant <= 0) { errors.Add(new(loc, $"type {t} has a non-positive dimension")); return false; }
        }
        return true;
    }

    private static void VerifyFunction(List<IrError> errors, Module module, Function f)
    {
        var floc = $"func @{f.Name}";
        var symbols = f.Attrs.TryGetValue("symbols", out var s) && s is ListAttr l
            ? l.Items.OfType<StringAttr>().Select(x => x.Value).ToHashSet(StringComparer.Ordinal)
            : [];
        CheckUnique(errors, floc, "value", f.Values.Select(v => v.Name));
        var scope = new OperandTypes(module, f.Params);
        foreach (var p in f.Params) CheckType(errors, $"{floc}, param %{p.Name}", p.Type, symbols);
        foreach (var op in f.Body)
        {
            var loc = $"{floc}, %{op.Id} = {op.Opcode}";
            VerifyOperation(errors, module, scope, op, loc, symbols);
            foreach (var r in op.Results) scope.Define(r);
        }
        if (f.Returns.IsDefaultOrEmpty) errors.Add(new(floc, "returns nothing"));
        foreach (var r in f.Returns)
            if (!scope.IsDefined(r)) errors.Add(new(floc, $"returns undefined {r}"));
    }

    private static void VerifyOperation(List<IrError> errors, Module module, OperandTypes scope, Operation op, string loc, HashSet<string> symbols)
    {
        var def = OpRegistry.Find(op.Opcode);
        if (def is null) { errors.Add(new(loc, $"unknown opcode '{op.Opcode}'")); return; }
        foreach (var o in op.Operands)
            if (!scope.IsDefined(o)) { errors.Add(new(loc, $"uses {o} before it is defined")); return; }
        if (op.Operands.Length < def.MinOperands || op.Operands.Length > def.MaxOperands)
        {
            errors.Add(new(loc, $"has {op.Operands.Length} operands, expects {Arity(def)}"));
            return;
        }
        if (op.Results.IsDefaultOrEmpty) { errors.Add(new(loc, "has no results")); return; }
        foreach (var r in op.Results) CheckType(errors, loc, r.Type, symbols);
        foreach (var spec in def.Attrs)
        {
            if (!op.Attrs.TryGetValue(spec.Name, out var v))
            {
                if (spec.Required) errors.Add(new(loc, $"missing attribute '{spec.Name}'"));
            }
            else if (!HasKind(v, spec.Kind))
                errors.Add(new(loc, $"attribute '{spec.Name}' = {v} is not of kind {spec.Kind}"));
        }
        if (def.IsGeneric) return;
        try
        {
            var inferred = def.Infer(scope.Signature(op));
            if (inferred.Length != op.Results.Length)
                errors.Add(new(loc, $"declares {op.Results.Length} results, op has {inferred.Length}"));
            else
                for (var i = 0; i < inferred.Length; i++)
                    if (!inferred[i].Equals(op.Results[i].Type))
                        errors.Add(new(loc, $"result %{op.Results[i].Name} declared {op.Results[i].Type}, inferred {inferred[i]}"));
            if (op.Opcode == AttentionOps.Attention.Name) VerifyCacheUse(errors, module, op, loc);
        }
        catch (Exception e) when (e is IrTypeException or KeyNotFoundException or NonLinearException or OverflowException)
        {
            errors.Add(new(loc, e.Message));
        }
    }

    private static void VerifyCacheUse(List<IrError> errors, Module module, Operation op, string loc)
    {
        var name = op.Attrs.Str("cache");
        var cache = module.FindKvCache(name);
        if (cache is null) { errors.Add(new(loc, $"names kv_cache @{name}, which is not declared")); return; }
        if (cache.Type.Rank != 3) return;
        if (cache.KvHeads != op.Attrs.Int("kv_heads") || cache.HeadDim != op.Attrs.Int("head_dim"))
            errors.Add(new(loc, $"kv_cache @{name} is {cache.Type}, op has kv_heads={op.Attrs.Int("kv_heads")} head_dim={op.Attrs.Int("head_dim")}"));
    }

    private static void CheckType(List<IrError> errors, string loc, TensorType t, HashSet<string> symbols)
    {
        foreach (var d in t.Shape)
        {
            if (d.IsConstant && d.Constant <= 0) errors.Add(new(loc, $"type {t} has a non-positive dimension"));
            foreach (var sym in d.Symbols)
                if (!symbols.Contains(sym)) errors.Add(new(loc, $"type {t} uses undeclared symbol '{sym}'"));
        }
    }

    private static bool HasKind(AttrValue v, AttrKind kind) => kind switch
    {
        AttrKind.Int => v is ExprAttr { Value.IsConstant: true },
        AttrKind.Expr => v is ExprAttr,
        AttrKind.Float => v is FloatAttr or ExprAttr { Value.IsConstant: true },
        AttrKind.String => v is StringAttr,
        AttrKind.Bool => v is BoolAttr,
        AttrKind.IntList => v is ListAttr l && l.Items.All(i => i is ExprAttr { Value.IsConstant: true }),
        AttrKind.FloatList => v is ListAttr l && l.Items.All(i => i is FloatAttr or ExprAttr { Value.IsConstant: true }),
        AttrKind.StringList => v is ListAttr l && l.Items.All(i => i is StringAttr),
        _ => true,
    };

    private static string Arity(OpDef d) =>
        d.MinOperands == d.MaxOperands ? $"{d.MinOperands}" : d.MaxOperands == int.MaxValue ? $">= {d.MinOperands}" : $"{d.MinOperands}-{d.MaxOperands}";

    private static void CheckUnique(List<IrError> errors, string loc, string what, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in names)
            if (!seen.Add(n)) errors.Add(new(loc, $"{what} '{n}' is defined more than once"));
    }
}
