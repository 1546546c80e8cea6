using Pimcc.Isa.Container;

namespace Pimcc.Sim;

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
        return new ProgramEntry(name, cores, channels);
    }
}
