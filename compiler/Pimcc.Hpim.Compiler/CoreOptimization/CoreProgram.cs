using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// One core stream as the machine-level passes see it: its words with their def/use (<see cref="CoreWord"/>), entry
/// points, layer declarations and debug ranges. Passes describe their changes as a <see cref="CoreEdit"/>;
/// <see cref="Apply"/> makes the edited stream with every branch offset, entry, layer word and debug range moved along.
/// </summary>
internal sealed class CoreProgram
{
    public CoreProgram(List<Op> words, List<StreamEntry> entries, List<LayerRepeat> layers, List<DebugRange> debug)
    {
        Words = words;
        Entries = entries;
        Layers = layers;
        Debug = debug;
        Info = new CoreWord[words.Count];
        for (var i = 0; i < words.Count; i++) Info[i] = CoreWord.Of(words[i], i);
        Protected = new bool[words.Count];
        foreach (var l in layers.Where(l => l.Form == LayerForm.Loop)) Protected[l.Word] = true;
        Incoming = new int[words.Count + 1];
        foreach (var w in Info)
            if (w.Target >= 0) Incoming[w.Target]++;
    }

    public List<Op> Words { get; }
    public List<StreamEntry> Entries { get; }
    public List<LayerRepeat> Layers { get; }
    public List<DebugRange> Debug { get; }
    public CoreWord[] Info { get; }

    /// <summary>Words no pass may change: the <c>li.lo</c> a layer declaration points at.</summary>
    public bool[] Protected { get; }

    /// <summary>Branches, jumps and loops that target each word (index <c>Count</c>: the stream's end).</summary>
    public int[] Incoming { get; }

    public int Count => Words.Count;

    /// <summary>
    /// Word t starts a straight-line run: a program's entry, a branch target, or the word after a control word.
    /// </summary>
    public bool[] Leaders()
    {
        var leader = new bool[Count + 1];
        foreach (var e in Entries) leader[e.Word] = true;
        for (var i = 0; i < Count; i++)
        {
            if (Incoming[i] > 0) leader[i] = true;
            if (Info[i].IsControl) leader[i + 1] = true;
        }
        if (Entries.Count == 0) leader[0] = true;
        return leader;
    }

    /// <summary>
    /// The stream with <paramref name="edit"/> applied, or null when a moved branch no longer reaches its target
    /// (the stream is then kept as it is). Words inserted before word t run before it on the fall-through path only:
    /// a branch to t lands on t itself, and a debug range that starts at t takes them in.
    /// </summary>
    public CoreProgram? Apply(CoreEdit edit)
    {
        int n = Count;
        var before = new int[n + 1];
        var at = new int[n + 1];
        var pos = 0;
        for (var t = 0; t < n; t++)
        {
            before[t] = pos;
            pos += edit.Inserted(t).Count;
            at[t] = pos;
            if (!edit.Deleted[t]) pos++;
        }
        before[n] = at[n] = pos;
        var words = new List<Op>(pos);
        for (var t = 0; t < n; t++)
        {
            words.AddRange(edit.Inserted(t));
            if (edit.Deleted[t]) continue;
            var op = edit.Replaced[t] ?? Words[t];
            if (Info[t].Target >= 0)
            {
                var operands = op.Operands.ToArray();
                for (var i = 0; i < operands.Length; i++)
                {
                    var f = op.Spec.Operands[i];
                    if (f.Kind != FieldKind.Offset) continue;
                    operands[i] = at[t + (int)operands[i]] - at[t];
                    if (!f.Accepts(operands[i])) return null;
                }
                op = new Op(op.Spec, new Operands(operands));
            }
            words.Add(op);
        }
        var entries = Entries.Select(e => e with { Word = before[e.Word] }).ToList();
        var layers = Layers.Select(l => l.Form == LayerForm.Loop ? l with { Word = at[l.Word] } : l).ToList();
        var debug = new List<DebugRange>(Debug.Count);
        foreach (var d in Debug)
        {
            int first = before[d.First], end = before[d.First + d.Count];
            if (end > first) debug.Add(d with { First = first, Count = end - first });
        }
        return new CoreProgram(words, entries, layers, debug);
    }
}

/// <summary>A pass's changes to a <see cref="CoreProgram"/>: words deleted, replaced, or inserted before a word.</summary>
internal sealed class CoreEdit(int count)
{
    private static readonly List<Op> None = [];
    private readonly Dictionary<int, List<Op>> _inserted = [];

    public bool[] Deleted { get; } = new bool[count];
    public Op?[] Replaced { get; } = new Op?[count];
    public bool Changed { get; private set; }

    public void Delete(int t)
    {
        Deleted[t] = true;
        Changed = true;
    }

    public void Replace(int t, Op op)
    {
        Replaced[t] = op;
        Changed = true;
    }

    public void InsertBefore(int t, Op op)
    {
        if (!_inserted.TryGetValue(t, out var list)) _inserted[t] = list = [];
        list.Add(op);
        Changed = true;
    }

    public List<Op> Inserted(int t) => _inserted.GetValueOrDefault(t) ?? None;
}
