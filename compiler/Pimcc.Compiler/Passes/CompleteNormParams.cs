using System.Buffers.Binary;
using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Gives every <c>layer_norm</c> that lacks them its identity parameters: gamma = 1 (a non-parametric LayerNorm, OLMo's
/// <c>elementwise_affine=False</c>) and beta = 0 (a bias-free one, <c>bias=False</c>), as weights of its own named after
/// the norm's result (<c>%x</c> gets <c>@x.gamma</c>, <c>@x.beta</c>). (x - mean) / sqrt(var + eps) · 1 + 0 is the norm
/// without them, exactly, in any floating-point format (1 and 0 are exact). For targets whose norm unit reads its
/// parameters from memory (pimllm's <c>pp.norm</c>: gamma, beta and epsilon from one address; hyflexpim's
/// <c>sfu.norm</c>). A module without weight data (a config-only model) gets shaped weights without data, like its others.
/// </summary>
public sealed class CompleteNormParams : Pass
{
    public static readonly Statistic Completed = new("norm-params-completed", "layer_norm ops given identity gamma (ones) or beta (zeros) weights");

    public override string Name => "complete-norm-params";
    public override string Summary => "give layer_norms without gamma or beta identity weights (ones, zeros) of their own";
    public override ImmutableArray<Statistic> Statistics => [Completed];

    public override Module Run(Module module, PassContext context)
    {
        var withData = module.Weights.Any(w => w.HasData);
        var names = new HashSet<string>(module.Weights.Select(w => w.Name), StringComparer.Ordinal);
        var added = new List<Weight>();
        // A norm of the same name in another function (prefill's and decode's of one layer) shares its weights, as
        // norms with parameters share theirs.
        var made = new Dictionary<string, Weight>(StringComparer.Ordinal);
        var functions = module.Functions.Select(f => f with
        {
            Body = [.. f.Body.Select(op =>
            {
                if (op.Opcode != "layer_norm" || op.Operands.Length == 3) return op;
                var type = op.Result.Type;
                if (!type.Element.IsFloat() || type.Shape.Length == 0 || !type.Shape[^1].IsConstant) return op;
                var operands = op.Operands.ToBuilder();
                if (operands.Count == 1) operands.Add(Operand.W(Add(op.Result.Name + ".gamma", type, 1f)));
                operands.Add(Operand.W(Add(op.Result.Name + ".beta", type, 0f)));
                context.Stats.Add(Completed);
                return op with { Operands = operands.ToImmutable() };
            })],
        }).ToList();
        if (added.Count == 0) return module;
        return (module with { Weights = [.. module.Weights, .. added] }).WithFunctions(functions);

        string Add(string wanted, TensorType normed, float value)
        {
            var type = new TensorType(normed.Element, [normed.Shape[^1]]);
            if (made.TryGetValue(wanted, out var same) && same.Type.Equals(type)) return same.Name;
            var name = wanted;
            for (var i = 1; !names.Add(name); i++) name = $"{wanted}.{i}";
            var w = withData ? new Weight(name, type, Filled(normed.Element, normed.Shape[^1].Constant, value), AttrMap.Empty) : Weight.Shaped(name, type);
            added.Add(w);
            made.TryAdd(wanted, w);
            return name;
        }
    }

    /// <summary><paramref name="count"/> copies of <paramref name="value"/> (0 or 1, exact in every float format) in <paramref name="element"/>'s storage format.</summary>
    private static ImmutableArray<byte> Filled(ElementType element, long count, float value)
    {
        var size = element.Bits() / 8;
        var bytes = new byte[checked(count * size)];
        for (var i = 0; i < count; i++)
        {
            var at = bytes.AsSpan(i * size);
            switch (element)
            {
                case ElementType.F32: BinaryPrimitives.WriteSingleLittleEndian(at, value); break;
                case ElementType.F16: BinaryPrimitives.WriteHalfLittleEndian(at, (Half)value); break;
                default: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)(BitConverter.SingleToInt32Bits(value) >> 16)); break; // bf16: the high half, exact for 0 and 1
            }
        }
        return [.. bytes];
    }
}
