using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Moves a rotary op's amplitude (<see cref="RotaryFrequencies.AttentionScaling"/> a: yarn's attention factor, which
/// scales cos and sin) into the attention that reads it: rotary(x)·a on every channel is (rotary(x))·a, and a query and
/// a key scaled by a_q and a_k give scores scale·(a_q·q)·(a_k·k) = (scale·a_q·a_k)·q·k, so the attention's
/// <c>scale</c> is multiplied by the amplitudes of its rotated query and key and the rotary ops lose theirs. Exact in real
/// numbers; for targets whose rotary tables have amplitude 1 and whose attention takes any scale (pimllm: pp.rope, the
/// score scale in SRAM). hyflexpim's digital PIM scales scores by 1/sqrt(head_dim) only, so it refuses the amplitude.
/// <para>
/// Only when it is exact for the whole module: every rotary op with an amplitude rotates all of its head's channels (a
/// partial rotary passes the rest through unscaled) and its result is read only as an attention's query or key (the KV
/// cache then holds keys without the amplitude in prefill and decode alike). Otherwise nothing is folded and the
/// targets refuse the amplitude as before.
/// </para>
/// </summary>
public sealed class FoldRotaryAmplitude : Pass
{
    public static readonly Statistic Folded = new("rotary-amplitudes-folded", "rotary ops whose amplitude moved into their attention's scale");

    public override string Name => "fold-rotary-amplitude";
    public override string Summary => "move rotary amplitudes (yarn's attention factor) into the attention scale";
    public override ImmutableArray<Statistic> Statistics => [Folded];

    public override Module Run(Module module, PassContext context)
    {
        var amplitudes = module.Functions.Select(Amplitudes).ToList();
        if (amplitudes.All(a => a is { Count: 0 }) || amplitudes.Any(a => a is null)) return module;
        return module.WithFunctions(module.Functions.Select((f, i) => Fold(f, amplitudes[i]!, context)));
    }

    /// <summary>The rotary results with an amplitude ≠ 1, by value name; null when one of them cannot be folded.</summary>
    private static Dictionary<string, double>? Amplitudes(Function f)
    {
        var found = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var op in f.Body.Where(o => o.Opcode == "rotary"))
        {
            var a = RotaryFrequencies.Amplitude(op.Attrs);
            if (a == 1) continue;
            if (op.Attrs.Int("rotary_dim") != op.Attrs.Int("head_dim")) return null;
            found[op.Result.Name] = a;
        }
        return found.Count == 0 || RotatedValues.ReadOnlyAsQueryOrKey(f, found.ContainsKey) ? found : null;
    }

    private static Function Fold(Function f, Dictionary<string, double> amplitudes, PassContext context)
    {
        double Of(Operand o) => o.Kind == OperandKind.Value && amplitudes.TryGetValue(o.Name, out var a) ? a : 1;
        var body = f.Body.Select(op =>
        {
            if (op.Opcode == "rotary" && amplitudes.ContainsKey(op.Result.Name))
            {
                context.Stats.Add(Folded);
                return op.WithAttrs(op.Attrs.Remove(RotaryFrequencies.AttentionScaling));
            }
            var factor = op.Opcode == AttentionOps.Attention.Name ? Of(op.Operands[0]) * Of(op.Operands[1]) : 1;
            return factor == 1 ? op : op.WithAttr("scale", new FloatAttr(op.Attrs.Float("scale") * factor));
        });
        return f with { Body = [.. body] };
    }
}
