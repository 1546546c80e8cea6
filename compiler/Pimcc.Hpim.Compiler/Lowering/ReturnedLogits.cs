using System.Globalization;
using Pimcc.Ir;
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

    public static IEnumerable<MemoryRegion> Regions(Module m, IReadOnlyList<MemoryRegion> map)
    {
        foreach (var f in m.Functions)
        {
            if (f.Returns.Length != 1 || f.Values.FirstOrDefault(v => v.Name == f.Returns[0].Name) is not { } value
                || value.Type.Rank == 0 || !value.Type.Shape[^1].IsConstant) continue;
            var vocab = value.Type.Shape[^1].Constant;
            var buffer = $"{f.Name}.{f.Returns[0].Name}";
            foreach (var r in map.Where(r => r.Name == buffer && r.Placement is LocalPlacement))
                yield return r with { Name = f.Name + Suffix + vocab.ToString(CultureInfo.InvariantCulture) };
        }
    }
}
