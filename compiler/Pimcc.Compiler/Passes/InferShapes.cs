using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Diagnostics;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Recomputes every (non-generic) op's result types from its operand types and attributes, in
/// program order, so a change upstream propagates. An op whose operands no longer fit is a user
/// error naming the op.
/// </summary>
public sealed class InferShapes : Pass
{
    public static readonly Statistic TypesChanged = new("types-changed", "results whose declared type differed from the inferred one");
    public static readonly Statistic OpsChecked = new("ops-checked", "operations whose types were inferred");

    public override string Name => "infer-shapes";
    public override string Summary => "infer and check result types of every operation";
    public override ImmutableArray<Statistic> Statistics => [TypesChanged, OpsChecked];
    public override ImmutableArray<string> Establishes => [IrProperty.ShapesInferred];

    public override Module Run(Module module, PassContext context) =>
        module.WithFunctions(module.Functions.Select(f => Infer(module, f, context)));

    private static Function Infer(Module module, Function f, PassContext context)
    {
        var scope = new OperandTypes(module, f.Params);
        var body = new List<Operation>(f.Body.Length);
        foreach (var op in f.Body)
        {
            var def = OpRegistry.Find(op.Opcode)!;
            var result = op;
            if (!def.IsGeneric)
            {
                ImmutableArray<TensorType> types;
                try { types = def.Infer(scope.Signature(op)); }
                catch (IrTypeException e)
                {
                    throw new PimccError(ExitCode.InvalidModel, $"func @{f.Name}, %{op.Id}", e.Message, "operand shapes do not fit the operation");
                }
                context.Stats.Add(OpsChecked);
                var changed = types.Select((t, i) => !t.Equals(op.Results[i].Type)).Count(c => c);
                if (changed > 0)
                {
                    context.Stats.Add(TypesChanged, changed);
                    result = op with { Results = [.. op.Results.Select((r, i) => r with { Type = types[i] })] };
                }
            }
            foreach (var r in result.Results) scope.Define(r);
            body.Add(result);
        }
        return f.WithBody(body);
    }
}
