using System.Globalization;
using Pimcc.Ir;
using Pimcc.Hpim.Compiler.Passes;
using Pimcc.Isa.Container;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>
/// Names the returned logits for the top controller (docs/hpim-abi.md, "Returned logits"): for a program whose
/// single result has a local buffer <c>&lt;program&gt;.&lt;value&gt;</c>, one more region per core,
/// <c>&lt;program&gt;.logits:&lt;vocabulary&gt;</c>, at the same place. Like <c>const:&lt;value&gt;</c>, the name carries
/// the number the loader needs: the slice of core o holds its channels' features (channels in ascending order,
/// each ceil(vocabulary / channels) elements, feature j = element j / C of channel j mod C).
/// </summary>
internal static class ReturnedLogits
{
    public const string Suffix = ".logits:";

    /// <summary>
    /// The returned values and every value that reaches one through <c>soft_cap</c> ops alone, each read by nothing
    /// else: an LM head among them keeps its output distributed, and the soft-capping (Gemma 2's
    /// final_logit_softcapping) runs on each core's slice in place.
    /// </summary>
    public static HashSet<string> SoftCapped(Function f)
    {
        var set = f.Returns.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = f.Body.Length - 1; i >= 0; i--)
        {
            var op = f.Body[i];
            if (op.Opcode == "soft_cap" && set.Contains(op.Result.Name) && op.Operands[0].Kind == OperandKind.Value
                && f.Body.Count(o => o.Operands.Any(x => x.Name == op.Operands[0].Name)) == 1
                && f.Returns.All(r => r.Name != op.Operands[0].Name))
                set.Add(op.Operands[0].Name);
        }
        return set;
    }

    /// <summary>
    /// The biases of the module's returned LM heads (<see cref="HeadBias"/>) that nothing else reads: hpim stores them
    /// channel-striped (<see cref="HpimAttrs.HbmStriped"/>), so that the share of each channel holds the bias of that
    /// channel's features in the order the core's logits slice holds them (<see cref="AddStripedBias"/>).
    /// </summary>
    public static HashSet<string> StripedBiases(Module m)
    {
        var heads = m.Functions.SelectMany(f => HeadBias(f) is { } op ? [op] : Array.Empty<Operation>()).ToList();
        var names = heads.Select(op => op.Operands[2].Name).ToHashSet(StringComparer.Ordinal);
        // a bias weight any other op reads stays flat (and its head is refused, RefuseBiasedHead)
        names.RemoveWhere(n => m.Functions.SelectMany(f => f.Body).Any(o => !heads.Contains(o) && o.Operands.Any(x => x.Name == n)));
        return names;
    }

    /// <summary>The LM head among <paramref name="f"/>'s returned values, when it has a bias.</summary>
    private static Operation? HeadBias(Function f)
    {
        var returned = SoftCapped(f);
        return f.Body.FirstOrDefault(o => HpimTileWeights.IsWeightLinear(o) && returned.Contains(o.Result.Name) && o.Operands.Length > 2);
    }

    /// <summary>
    /// Refuses an LM head whose bias cannot be added where its logits are: on the cores in channel striping order
    /// (the layout <see cref="Regions"/> names). That takes a tensor-wise (TP) head and a striped bias read by nothing
    /// else (<see cref="StripedBiases"/>). Before the bias was striped, a tiny-opt given a biased head returned wrong
    /// logits at exit 0 (decode gathered them instead, so the named layout no longer held); refused rather than wrong.
    /// </summary>
    public static void RefuseBiasedHead(Module m, Function f)
    {
        if (HeadBias(f) is not { } head) return;
        var why = head.Attrs.StrOr(HpimAttrs.Tiling, "tp") != "tp" ? "its weight is tiled head-wise, not tensor-wise"
            : m.FindWeight(head.Operands[2].Name) is not { } bias || !HbmRowBudget.IsStriped(bias) ? "its bias is read by other ops too"
            : null;
        if (why is not null)
            throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.UnsupportedOperator, $"@{f.Name}: %{head.Id}",
                $"an LM head with a bias whose logits cannot stay on the cores in channel striping order: {why}",
                "compile the model for another target, or without the LM head's bias");
    }

    /// <summary>
    /// Adds a returned LM head's bias to this core's logits slice (<paramref name="slice"/>: per owned channel
    /// <paramref name="featuresPerChannel"/> features in striping order). The bias is channel-striped, so the share of
    /// each of the core's channels is exactly its features' bias: one <c>hbm.ld</c> per channel into
    /// <paramref name="buffer"/> (the core's channels' shares, one after the other), one <c>vadd</c> per channel.
    /// </summary>
    public static void AddStripedBias(CoreCode c, HbmLayout l, Weight bias, IReadOnlyList<int> channels, long slice, long featuresPerChannel,
        long buffer, int offsetRegister, long dt)
    {
        if (!HbmRowBudget.IsStriped(bias)) throw new InvalidOperationException($"bias @{bias.Name} of a returned LM head is not striped (compiler bug)");
        var share = l.Share(bias);
        c.Li(Reg.T5, l.Address(bias));
        c.I("add", Reg.T5, Reg.T5, offsetRegister);
        c.Li(Reg.T6, share);
        for (var q = 0; q < channels.Count; q++)
        {
            c.Li(Reg.T4, buffer + q * share);
            c.Li(Reg.T7, channels[q]);
            c.I("hbm.ld", Reg.T4, Reg.T5, Reg.T6, Reg.T7);
        }
        c.Li(Reg.T2, featuresPerChannel);
        for (var q = 0; q < channels.Count; q++)
        {
            c.Li(Reg.T0, slice + q * featuresPerChannel * l.Element);
            c.Li(Reg.T1, buffer + q * share);
            c.I("vadd", Reg.T0, Reg.T0, Reg.T1, Reg.T2, dt);
        }
    }

    public static IEnumerable<MemoryRegion> Regions(Module m, IReadOnlyList<MemoryRegion> map)
    {
        foreach (var f in m.Functions)
        {
            if (f.Returns.Length != 1 || f.Values.FirstOrDefault(v => v.Name == f.Returns[0].Name) is not { } value
                || value.Type.Rank == 0 || !value.Type.Shape[^1].IsConstant) continue;
            var vocab = value.Type.Shape[^1].Constant;
            // soft_cap ops on the logits run in place on the LM head's buffer (SoftCapped)
            var name = f.Returns[0].Name;
            while (f.Body.FirstOrDefault(o => o.Result.Name == name) is { Opcode: "soft_cap" } cap) name = cap.Operands[0].Name;
            var buffer = $"{f.Name}.{name}";
            foreach (var r in map.Where(r => r.Name == buffer && r.Placement is LocalPlacement))
                yield return r with { Name = f.Name + Suffix + vocab.ToString(CultureInfo.InvariantCulture) };
        }
    }
}
