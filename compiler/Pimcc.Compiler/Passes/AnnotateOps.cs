using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Operator analysis and annotation (step 1 of the HPIM compiler): tags each op with its class
/// (GEMM, GEMV, attention-GEMV, nonlinear, element-wise, data movement), FLOPs (a MAC is 2),
/// bytes moved and arithmetic intensity, and each function with its totals. Costs come from the
/// op registry. Decode costs are linear in <c>kv</c>; intensity is evaluated at the first decode
/// step (kv = prompt length) unless <c>intensity-kv</c> says otherwise.
/// </summary>
public sealed class AnnotateOps : Pass
{
    public const string ClassAttr = "cost.class";
    public const string FlopsAttr = "cost.flops";
    public const string BytesAttr = "cost.bytes";
    public const string IntensityAttr = "cost.intensity";

    public static readonly PassOption IntensityKv = PassOption.Int("intensity-kv", "kv at which decode intensity is evaluated (0: prompt length)", 0);
    public static readonly Statistic PrefillFlops = new("prefill-flops", "FLOPs of the prefill program");
    public static readonly Statistic PrefillBytes = new("prefill-bytes", "bytes moved by the prefill program");
    public static readonly Statistic DecodeFlops = new("decode-flops", "FLOPs of one decode step at intensity-kv");
    public static readonly Statistic DecodeBytes = new("decode-bytes", "bytes moved by one decode step at intensity-kv");
    public static readonly Statistic OpsAnnotated = new("ops-annotated", "operations annotated");

    public override string Name => "annotate-ops";
    public override string Summary => "tag every op with class, FLOPs, bytes and arithmetic intensity";
    public override ImmutableArray<PassOption> Options => [IntensityKv];
    public override ImmutableArray<Statistic> Statistics => [PrefillFlops, PrefillBytes, DecodeFlops, DecodeBytes, OpsAnnotated];
    public override ImmutableArray<string> Requires => [IrProperty.WorkloadBound];
    public override ImmutableArray<string> Establishes => [IrProperty.Annotated];

    public override Module Run(Module module, PassContext context)
    {
        var kv = context.Options.Int(IntensityKv);
        if (kv == 0) kv = module.Attrs.IntOr("prompt_tokens", 0);
        var at = new Dictionary<string, long>(StringComparer.Ordinal) { ["kv"] = kv };
        return module.WithFunctions(module.Functions.Select(f => Annotate(module, f, at, context)));
    }

    private static Function Annotate(Module module, Function f, IReadOnlyDictionary<string, long> at, PassContext context)
    {
        var scope = new OperandTypes(module, f.Params);
        SymExpr totalFlops = SymExpr.Zero, totalBytes = SymExpr.Zero;
        var body = new List<Operation>(f.Body.Length);
        foreach (var op in f.Body)
        {
            var cost = scope.Cost(op);
            foreach (var r in op.Results) scope.Define(r);
            var flopsAt = cost.Flops.Substitute(at);
            var bytesAt = cost.Bytes.Substitute(at);
            var attrs = op.Attrs.Set(ClassAttr, cost.Class.Name()).Set(FlopsAttr, cost.Flops).Set(BytesAttr, cost.Bytes);
            if (flopsAt.IsConstant && bytesAt.IsConstant && bytesAt.Constant > 0)
                attrs = attrs.Set(IntensityAttr, Math.Round((double)flopsAt.Constant / bytesAt.Constant, 4));
            body.Add(op.WithAttrs(attrs));
            totalFlops += cost.Flops;
            totalBytes += cost.Bytes;
            context.Stats.Add(OpsAnnotated);
        }
        var flops = totalFlops.Substitute(at);
        var bytes = totalBytes.Substitute(at);
        if (flops.IsConstant && bytes.IsConstant)
        {
            var isPrefill = f.Name == Module.Prefill;
            context.Stats.Add(isPrefill ? PrefillFlops : DecodeFlops, flops.Constant);
            context.Stats.Add(isPrefill ? PrefillBytes : DecodeBytes, bytes.Constant);
        }
        return f.WithBody(body) with { Attrs = f.Attrs.Set(FlopsAttr, totalFlops).Set(BytesAttr, totalBytes) };
    }
}
