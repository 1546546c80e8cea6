using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Sim;

/// <summary>
/// Per-word view of the debug ranges of one stream: the IR op name (or null) and the <see cref="WorkClass"/>
/// of every word. Built once per binary so the hot loop only indexes arrays.
/// </summary>
internal sealed class StreamDebugMap
{
    private readonly string?[] _name;
    private readonly WorkClass[] _class;

    private StreamDebugMap(string?[] name, WorkClass[] cls)
    {
        _name = name;
        _class = cls;
    }

    public string? Name(int word) => _name[word];

    public WorkClass Class(int word) => _class[word];

    /// <summary>Per word: its class (the array itself, for hot loops that index it directly; do not modify).</summary>
    public WorkClass[] Classes => _class;

    /// <summary>The maps of every core stream and every channel stream of a binary, in stream order.</summary>
    public static (StreamDebugMap[] Cores, StreamDebugMap[] Channels) Of(PimBinary bin)
    {
        var byStream = bin.Debug.ToLookup(d => (d.Stream, d.StreamIndex));
        return ([.. bin.Cores.Select(c => Build(c.Instructions, byStream[(HpimStreams.Core, c.Core)]))],
                [.. bin.Channels.Select(c => Build(c.Commands, byStream[(HpimStreams.Channel, c.Channel)]))]);
    }

    public static StreamDebugMap Build(IReadOnlyList<Op> ops, IEnumerable<DebugRange> ranges)
    {
        var names = new string?[ops.Count];
        var classes = new WorkClass[ops.Count];
        for (var i = 0; i < ops.Count; i++) classes[i] = OpClassifier.ByUnit(ops[i].Spec.Unit);
        // Ranges in file order; a later (inner) range overrides an earlier enclosing one.
        foreach (var r in ranges)
        {
            var cls = OpClassifier.Classify(r.IrOpName);
            var end = Math.Min(ops.Count, r.First + r.Count);
            for (var w = Math.Max(0, r.First); w < end; w++)
            {
                names[w] = r.IrOpName;
                if (cls is { } c) classes[w] = c;
            }
        }
        return new StreamDebugMap(names, classes);
    }
}
