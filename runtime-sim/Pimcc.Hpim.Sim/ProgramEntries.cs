using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Container;

namespace Pimcc.Hpim.Sim;

/// <summary>Builds a <see cref="ProgramEntry"/> from the entry tables of an out.bin (format 1.1).</summary>
public static class ProgramEntries
{
    /// <summary>
    /// The program <paramref name="name"/>: each core starts at its entry word; each channel runs from its entry
    /// word to the next entry (or the stream's end). Streams without entries run whole (hand-written programs).
    /// </summary>
    public static ProgramEntry FromBinary(PimBinary bin, string name)
    {
        var cores = new Dictionary<int, int>();
        foreach (var c in bin.Cores)
            if (c.EntryWord(name) is { } w) cores[c.Core] = w;
        var channels = new Dictionary<int, (int, int)>();
        foreach (var ch in bin.Channels)
        {
            if (ch.EntryWord(name) is not { } start) continue;
            var end = ch.Entries.Select(e => e.Word).Where(w => w > start).DefaultIfEmpty(ch.Commands.Count).Min();
            channels[ch.Channel] = (start, end);
        }
        return new ProgramEntry(name, cores, channels) { Layers = LayersOf(bin, name) };
    }

    /// <summary>
    /// The program's layer structure when every stream of it declares one with the same count, cores as a layer loop
    /// and channels as blocks (the forms the simulator can shorten); otherwise null (the program is only run whole).
    /// </summary>
    private static ProgramLayers? LayersOf(PimBinary bin, string name)
    {
        int? count = null;
        bool Same(int n) => (count ??= n) == n;
        var cores = new Dictionary<int, int>();
        foreach (var c in bin.Cores)
        {
            if (c.EntryWord(name) is null) continue;
            if (c.Layers.FirstOrDefault(r => r.Entry == name) is not { Form: LayerForm.Loop } r || !Same(r.Layers)) return null;
            cores[c.Core] = r.Word;
        }
        var channels = new Dictionary<int, (int, int)>();
        foreach (var ch in bin.Channels)
        {
            if (ch.EntryWord(name) is null) continue;
            if (ch.Layers.FirstOrDefault(r => r.Entry == name) is not { Form: LayerForm.Blocks } r || !Same(r.Layers)) return null;
            channels[ch.Channel] = (r.Word, r.Stride);
        }
        return count is { } n && cores.Count > 0 ? new ProgramLayers(n, cores, channels) : null;
    }
}
