using Pimcc.Isa.Encoding;

namespace Pimcc.Hpim.Compiler.CoreOptimization;

/// <summary>
/// One pass's changes to a <see cref="CoreProgram"/>: words deleted, replaced, or inserted before a word. A replacement
/// (same control flow, other registers) takes effect at once, facts included, so the rest of the pass sees the stream
/// as it left it; it is journalled so <see cref="CoreProgram.Apply"/> can undo it when the edit is not taken.
/// Deletions and insertions wait for <see cref="CoreProgram.Apply"/>'s one compaction.
/// </summary>
internal sealed class CoreEdit(CoreProgram program)
{
    private static readonly List<Op> None = [];
    private readonly Dictionary<int, List<Op>> _inserted = [];
    private readonly List<(int At, Op Word)> _replaced = [];

    public bool[] Deleted { get; } = new bool[program.Count];
    public bool Changed { get; private set; }

    /// <summary>Words go or come: the stream has to be compacted.</summary>
    public bool Moves { get; private set; }

    public void Delete(int t)
    {
        Deleted[t] = true;
        Changed = Moves = true;
    }

    public void Replace(int t, Op op)
    {
        _replaced.Add((t, program.Words[t]));
        program.Set(t, op);
        Changed = true;
    }

    public void InsertBefore(int t, Op op)
    {
        if (!_inserted.TryGetValue(t, out var list)) _inserted[t] = list = [];
        list.Add(op);
        Changed = Moves = true;
    }

    /// <summary>Some word is inserted.</summary>
    public bool Inserts => _inserted.Count > 0;

    /// <summary>The words before which words are inserted, in word order.</summary>
    public int[] InsertionPoints() => [.. _inserted.Keys.Order()];

    public List<Op> Inserted(int t) => _inserted.Count == 0 ? None : _inserted.GetValueOrDefault(t) ?? None;

    /// <summary>The replacements stay: the journal is dropped.</summary>
    internal void Commit() => _replaced.Clear();

    /// <summary>Puts the replaced words back, last first.</summary>
    internal void Undo()
    {
        for (var i = _replaced.Count - 1; i >= 0; i--) program.Set(_replaced[i].At, _replaced[i].Word);
        _replaced.Clear();
    }
}
