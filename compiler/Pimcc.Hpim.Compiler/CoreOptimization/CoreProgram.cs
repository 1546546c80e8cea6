using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// One core stream as the machine-level passes see it: its words with their def/use (<see cref="CoreWord"/>, read off
/// the table once per word and kept up to date), entry points, layer declarations and debug ranges. Passes describe
/// their changes as a <see cref="CoreEdit"/>; <see cref="Apply"/> compacts the stream in one pass, moving every branch
/// offset, entry, layer word and debug range along. The word list handed in is never written: compaction fills the
/// two lists of <see cref="Scratch"/> in turn, and the facts and analyses live in its arrays too.
/// </summary>
internal sealed class CoreProgram
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public CoreProgram(List<Op> words, List<StreamEntry> entries, List<LayerRepeat> layers, List<DebugRange> debug, CoreScratch scratch)
    {
        Words = words;
        Entries = entries;
        Layers = layers;
        Debug = debug;
        Scratch = scratch;
        Info = CoreScratch.AtLeast(ref scratch.InfoA, words.Count);
        var given = CollectionsMarshal.AsSpan(words);
        for (var i = 0; i < given.Length; i++) Info[i] = CoreWord.Of(given[i], i);
        Index();
    }

    /// <summary>The arrays this program's passes work in (held until its clean-up is over).</summary>
    public CoreScratch Scratch { get; }

    public List<Op> Words { get; private set; }
    public List<StreamEntry> Entries { get; private set; }
    public List<LayerRepeat> Layers { get; private set; }
    public List<DebugRange> Debug { get; private set; }

    /// <summary>Each word's facts (the first <see cref="Count"/> entries hold).</summary>
    public CoreWord[] Info { get; private set; }

    /// <summary>Words no pass may change: the <c>li.lo</c> a layer declaration points at.</summary>
    public bool[] Protected { get; private set; } = [];

    /// <summary>Branches, jumps and loops that target each word (index <c>Count</c>: the stream's end).</summary>
    public int[] Incoming { get; private set; } = [];

    public int Count => Words.Count;

    /// <summary>Bumped by every change of a word or of the stream: an analysis of an earlier version is stale.</summary>
    public int Version { get; private set; }

    /// <summary>The last liveness computed (<see cref="DeadScalarElimination.LiveIn"/>) and the version it holds for.</summary>
    internal (int Version, uint[] Live)? Liveness { get; set; }

    /// <summary>
    /// Word t starts a straight-line run: a program's entry, a branch target, or the word after a control word.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>Replaces word t in place (a pass's edit, <see cref="CoreEdit.Replace"/>): same control flow, other registers.</summary>
    internal void Set(int t, Op op)
    {
        Words[t] = op;
        Info[t] = CoreWord.Of(op, t);
        Version++;
    }

    /// <summary>
    /// Takes <paramref name="edit"/>: false when a moved branch would no longer reach its target (the edit's
    /// replacements are then undone and the stream stays as it was). Words inserted before word t run before it on the
    /// fall-through path only: a branch to t lands on t itself, and a debug range that starts at t takes them in.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Apply(CoreEdit edit)
    {
        if (!edit.Changed) return true;
        if (!edit.Moves)
        {
            edit.Commit();
            return true;
        }
        int n = Count;
        var before = CoreScratch.AtLeast(ref Scratch.Before, n + 1);       // both written for every word and the end
        var at = CoreScratch.AtLeast(ref Scratch.At, n + 1);
        var pos = 0;
        var points = edit.Inserts ? edit.InsertionPoints() : [];          // words with insertions before them, in order
        for (int t = 0, k = 0; t < n; t++)
        {
            before[t] = pos;
            if (k < points.Length && points[k] == t) pos += edit.Inserted(points[k++]).Count;
            at[t] = pos;
            if (!edit.Deleted[t]) pos++;
        }
        before[n] = at[n] = pos;
        for (var t = 0; t < n; t++)
            if (!edit.Deleted[t] && Info[t].Target >= 0 && !CoreWord.AcceptsOffset(Words[t], at[Info[t].Target] - at[t]))
            {
                edit.Undo();
                return false;
            }
        var words = ReferenceEquals(Words, Scratch.WordsA) ? Scratch.WordsB : Scratch.WordsA;
        words.Clear();
        CollectionsMarshal.SetCount(words, pos);                           // every entry written below
        var target = CollectionsMarshal.AsSpan(words);
        var source = CollectionsMarshal.AsSpan(Words);
        var info = CoreScratch.AtLeast(ref Scratch.InfoB, pos);           // Info is always Scratch.InfoA
        var w = 0;
        for (int t = 0, k = 0; t < n; t++)
        {
            if (k < points.Length && points[k] == t)
                foreach (var op in edit.Inserted(points[k++]))
                {
                    info[w] = CoreWord.Of(op, w);
                    target[w++] = op;
                }
            if (edit.Deleted[t]) continue;
            var word = Info[t];
            var kept = source[t];
            if (word.Target >= 0)
            {
                if (at[word.Target] - at[t] != word.Target - t) kept = CoreWord.WithOffset(kept, at[word.Target] - at[t]);
                word = word with { Target = at[word.Target] };
            }
            info[w] = word;
            target[w++] = kept;
        }
        Entries = Entries.Select(e => e with { Word = before[e.Word] }).ToList();
        Layers = Layers.Select(l => l.Form == LayerForm.Loop ? l with { Word = at[l.Word] } : l).ToList();
        var debug = new List<DebugRange>(Debug.Count);
        foreach (var d in Debug)
        {
            int first = before[d.First], end = before[d.First + d.Count];
            if (end > first) debug.Add(d with { First = first, Count = end - first });
        }
        Debug = debug;
        // The list handed in stays the caller's; the one replaced now is the next compaction's target.
        (Scratch.InfoA, Scratch.InfoB) = (info, Info);
        Info = info;
        Words = words;
        Version++;
        Index();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Index()
    {
        Protected = CoreScratch.Cleared(ref Scratch.Protected, Count);
        foreach (var l in Layers)
            if (l.Form == LayerForm.Loop) Protected[l.Word] = true;
        Incoming = CoreScratch.Cleared(ref Scratch.Incoming, Count + 1);
        for (var t = 0; t < Count; t++)
            if (Info[t].Target >= 0) Incoming[Info[t].Target]++;
    }
}
