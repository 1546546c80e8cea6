using System.Collections.Immutable;
using Pimcc.Compiler.PassManagement;
using Pimcc.Ir;
using Pimcc.Ir.Ops;

namespace Pimcc.Compiler.Passes;

/// <summary>
/// Turns interleaved (GPT-J, CodeGen) rotary ops into rotate-half ones, which the PIM targets' rotary units implement.
/// Interleaved rotary turns the pairs (2i, 2i + 1) of each head's first r = <c>rotary_dim</c> channels by frequency i;
/// rotate-half turns (i, i + r/2). With the permutation P of each head's channels that puts the even ones of the
/// first r first (new channel i = old 2i, new r/2 + i = old 2i + 1, the rest in place), interleaved(x)·P =
/// half(x·P). The pass applies P to the rows (and bias) of the <c>linear</c> that produces the rotated value, so the
/// projection emits x·P, and clears <c>interleaved</c>. Attention scores q·k are sums over a head's channels, which a
/// permutation applied to both query and key leaves unchanged (up to the order of the sum's terms), and the KV cache
/// then holds permuted keys in prefill and decode alike.
/// <para>
/// Only when that is exact for the whole module: every interleaved rotary reads a weight <c>linear</c>'s result that
/// nothing else reads, every op that reads such a weight is such a linear, the rotated values are read only as an
/// attention's query or key, and an attention that reads one reads two, rotated alike (same head_dim and
/// rotary_dim). Otherwise nothing changes and the targets refuse the interleaved rotary as before.
/// </para>
/// </summary>
public sealed class DeinterleaveRotary : Pass
{
    public static readonly Statistic Rewritten = new("rotary-deinterleaved", "interleaved rotary ops rewritten to rotate-half by permuting their projection's rows");

    public override string Name => "deinterleave-rotary";
    public override string Summary => "rewrite interleaved (GPT-J) rotary ops to rotate-half by permuting the channels of the projections they read";
    public override ImmutableArray<Statistic> Statistics => [Rewritten];

    public override Module Run(Module module, PassContext context)
    {
        var plan = Plan(module);
        if (plan is null || plan.Count == 0) return module;
        var weights = module.Weights.Select(w => plan.TryGetValue(w.Name, out var p) ? Permute(w, p) : w);
        var functions = module.Functions.Select(f => f with
        {
            Body = [.. f.Body.Select(op =>
            {
                if (op.Opcode != "rotary" || !op.Attrs.BoolOr("interleaved", false)) return op;
                context.Stats.Add(Rewritten);
                return op.WithAttr("interleaved", new BoolAttr(false));
            })],
        });
        return (module with { Weights = [.. weights] }).WithFunctions(functions);
    }

    /// <summary>The channel permutation of a head: (head_dim, rotary_dim).</summary>
    private readonly record struct HeadPermutation(long HeadDim, long RotaryDim)
    {
        /// <summary>The old channel at new channel <paramref name="n"/> of a head.</summary>
        public long Source(long n)
        {
            var half = RotaryDim / 2;
            return n < half ? 2 * n : n < RotaryDim ? 2 * (n - half) + 1 : n;
        }
    }

    /// <summary>Weights to permute, by name (a weight and the bias of its linear); null when one rotary cannot be rewritten.</summary>
    private static Dictionary<string, HeadPermutation>? Plan(Module m)
    {
        var plan = new Dictionary<string, HeadPermutation>(StringComparer.Ordinal);
        var linears = new List<Operation>();
        foreach (var f in m.Functions)
        {
            var producers = f.Body.SelectMany(o => o.Results.Select(r => (r.Name, Op: o))).ToDictionary(x => x.Name, x => x.Op, StringComparer.Ordinal);
            var rotated = new Dictionary<string, HeadPermutation>(StringComparer.Ordinal);
            foreach (var rot in f.Body.Where(o => o.Opcode == "rotary" && o.Attrs.BoolOr("interleaved", false)))
            {
                var p = new HeadPermutation(rot.Attrs.Int("head_dim"), rot.Attrs.Int("rotary_dim"));
                if (p.RotaryDim % 2 != 0 || p.RotaryDim > p.HeadDim) return null;
                if (rot.Operands[0].Kind != OperandKind.Value || !producers.TryGetValue(rot.Operands[0].Name, out var lin)
                    || lin.Opcode != "linear" || lin.Operands.Length < 2 || lin.Operands.Skip(1).Any(o => o.Kind != OperandKind.Weight)
                    || ReadersOf(f, lin.Result.Name) != 1)
                    return null;
                foreach (var w in lin.Operands.Skip(1))
                    if (plan.TryGetValue(w.Name, out var had) ? had != p : !plan.TryAdd(w.Name, p)) return null;
                linears.Add(lin);
                rotated[rot.Result.Name] = p;
            }
            if (!RotatedValues.ReadOnlyAsQueryOrKey(f, rotated.ContainsKey)) return null;
            // an attention that reads one rotated value reads two, rotated alike
            HeadPermutation? Of(Operand o) => o.Kind == OperandKind.Value && rotated.TryGetValue(o.Name, out var p) ? p : null;
            if (f.Body.Any(o => o.Opcode == AttentionOps.Attention.Name && Of(o.Operands[0]) != Of(o.Operands[1]))) return null;
        }
        // a permuted weight must be read only by the linears that feed the rotary ops
        foreach (var op in m.Functions.SelectMany(f => f.Body))
            if (!linears.Contains(op) && op.Operands.Any(o => o.Kind == OperandKind.Weight && plan.ContainsKey(o.Name))) return null;
        foreach (var (name, p) in plan)
        {
            var w = m.FindWeight(name);
            if (w is null || !w.Type.IsStatic || w.Type.Shape[0].Constant % p.HeadDim != 0) return null;
        }
        return plan;
    }

    private static int ReadersOf(Function f, string value) =>
        f.Body.Sum(o => o.Operands.Count(x => x.Kind == OperandKind.Value && x.Name == value)) + f.Returns.Count(r => r.Name == value);

    /// <summary>The weight with its rows (output channels) permuted head by head; a weight without data keeps none.</summary>
    private static Weight Permute(Weight w, HeadPermutation p)
    {
        if (!w.HasData) return w;
        var rows = w.Type.Shape[0].Constant;
        var rowBytes = w.Data.Length / (int)rows;
        var src = w.Data.AsSpan();
        var dst = new byte[w.Data.Length];
        for (long r = 0; r < rows; r++)
        {
            var head = r / p.HeadDim;
            var from = head * p.HeadDim + p.Source(r % p.HeadDim);
            src.Slice((int)(from * rowBytes), rowBytes).CopyTo(dst.AsSpan((int)(r * rowBytes)));
        }
        return w with { Data = ImmutableArray.Create(dst) };
    }
}
