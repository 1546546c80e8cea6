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
    /// Refuses an LM head with a bias among the returned values: its logits stay on the cores in channel striping
    /// order (the layout <see cref="Regions"/> names), and the bias, stored in feature order, is not added there.
    /// Found by a tiny-opt whose head was given a bias: decode gathered the logits instead, so the named layout no
    /// longer held, and prefill's logits differed too; refused rather than returned wrong.
    /// </summary>
    public static void RefuseBiasedHead(Function f)
    {
        var returned = SoftCapped(f);
        if (f.Body.FirstOrDefault(o => HpimTileWeights.IsWeightLinear(o) && returned.Contains(o.Result.Name) && o.Operands.Length > 2) is { } head)
            throw new Pimcc.Diagnostics.PimccError(Pimcc.Diagnostics.ExitCode.UnsupportedOperator, $"@{f.Name}: %{head.Id}",
                "an LM head with a bias: hpim returns the logits from the cores in channel striping order, where the bias is not added",
                "compile the model for another target, or without the LM head's bias");
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
