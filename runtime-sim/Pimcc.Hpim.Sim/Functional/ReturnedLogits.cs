using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Globalization;
using Pimcc.Diagnostics;
using Pimcc.Isa.Container;

namespace Pimcc.Hpim.Sim.Functional;

/// <summary>
/// Reassembles a program's logits from the cores (docs/hpim-abi.md, "Returned logits"): every core's
/// <c>&lt;program&gt;.logits:&lt;V&gt;</c> region holds its channels' features, channels in ascending order, each channel
/// ceil(V / C) elements in striping order (feature j = element j / C of channel j mod C, C = channel count).
/// </summary>
public static class ReturnedLogits
{
    /// <summary>Vocabulary size the binary names for <paramref name="program"/>'s logits, or null when it names none.</summary>
    public static int? Vocabulary(PimBinary bin, string program)
    {
        var prefix = program + ".logits:";
        var r = bin.MemoryMap.FirstOrDefault(r => r.Name.StartsWith(prefix, StringComparison.Ordinal));
        return r is null ? null : int.Parse(r.Name.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>The full logits vector after a run of <paramref name="program"/>, or null when the binary names none.</summary>
    public static float[]? Read(FunctionalMachine m, PimBinary bin, string program)
    {
        if (Vocabulary(bin, program) is not { } vocab) return null;
        var prefix = program + ".logits:";
        var t = m.Target;
        var channels = t.Hbm.Organization.Channels;
        var per = (vocab + channels - 1) / channels;
        var eb = t.ElementBytes;
        var dtype = eb == 4 ? 2 : 0;
        var logits = new float[vocab];
        var seen = new bool[vocab];
        foreach (var r in bin.MemoryMap.Where(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            if (r.Placement is not LocalPlacement lp || lp.Core >= t.Sram.Cores) continue;
            var local = m.LocalMemory(lp.Core);
            var mine = t.Hbm.ChannelsOfCore(lp.Core);
            for (var q = 0; q < mine.Count; q++)
                for (var f = 0; f < per; f++)
                {
                    var j = (long)mine[q] + (long)f * channels;
                    if (j >= vocab) continue;
                    var at = lp.Address + ((long)q * per + f) * eb;
                    if (at + eb > local.Length || at + eb > lp.Address + r.SizeBytes)
                        throw new PimccError(ExitCode.InvalidBinary, $"region '{r.Name}' of core {lp.Core}", "is too small for its channels' logits", "recompile");
                    logits[j] = ElementCodec.Read(local[(int)at..], dtype);
                    seen[j] = true;
                }
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
            throw new PimccError(ExitCode.InvalidBinary, $"'{prefix}{vocab}' regions", $"no core holds logit {missing}", "every core needs its region; recompile");
        return logits;
    }

    /// <summary>Greedy choice: the index of the largest logit (lowest index on ties; NaN never wins).</summary>
    public static int ArgMax(IReadOnlyList<float> logits) => GreedyChoice.ArgMax(logits);
}
