using Pimcc.Isa.Encoding;

namespace Pimcc.Pimllm.Isa;

/// <summary>
/// What <c>rep count, body, dtok</c> means (docs/pimllm-isa.md): the next <c>body</c> words run <c>count</c> times, and
/// in iteration i every token index of the body is i x dtok larger; bodies nest and their shifts add. A prefill's
/// blocks of <c>systolic.rows</c> tokens differ in nothing else, so the compiler writes the block once
/// (docs/pimllm-compiler.md, "Lowering"). The token indices are the <c>first</c> of <c>pp.tok</c> and <c>dma.tok</c>
/// and the keys of a causal <c>sa.mshape</c> (n of causal_n, k of causal_k: the block's end).
/// </summary>
public static class PimllmRepeat
{
    /// <summary>The span values of <c>sa.mshape</c> whose keys count the tokens up to the block's end.</summary>
    public const long CausalN = 1, CausalK = 2;

    /// <summary><paramref name="op"/> as iteration shift <paramref name="by"/> runs it: the word itself when it has no
    /// token index (or the shift is 0), else a copy with the index moved.</summary>
    public static Op Shift(Op op, long by)
    {
        if (by == 0) return op;
        var sem = op.Spec.Pimllm;
        string? field = sem.Action switch
        {
            PimllmAction.TokenRange => "first",
            PimllmAction.MatrixShape when op["span"] == CausalN => "n",
            PimllmAction.MatrixShape when op["span"] == CausalK => "k",
            _ => null,
        };
        if (field is null) return op;
        var operands = new long[op.Spec.Operands.Count];
        for (var i = 0; i < operands.Length; i++) operands[i] = op.Operands[i];
        operands[op.Spec.IndexOf(field)] += by;
        return Op.Create(op.Spec, operands);
    }
}

/// <summary>
/// Walks one stream's words [start, end) as they run: a <c>rep</c> word is no step of its own, its body runs its
/// iterations, and <see cref="Current"/> is each word with its token indices shifted (<see cref="PimllmRepeat.Shift"/>).
/// The timing model, the values mode and the compiler's sync check all walk streams with it, so they run the same
/// words as the written-out form. <see cref="At"/> is the word's index in the stream (debug ranges and report classes
/// are per written word).
/// </summary>
public sealed class PimllmStreamCursor
{
    private readonly IReadOnlyList<Op> _words;
    private readonly int _end;
    // Open bodies: first word, end (exclusive), iterations left after this one, shift per iteration.
    private readonly Stack<(int First, int End, long Left, long Step)> _open = new();
    private long _shift;

    public PimllmStreamCursor(IReadOnlyList<Op> words, int start, int end)
    {
        _words = words;
        _end = end;
        At = start;
        Settle();
    }

    /// <summary>The index in the stream of the word that runs next.</summary>
    public int At { get; private set; }

    public bool Done => At >= _end;

    /// <summary>The word that runs next, its token indices shifted for the iterations around it.</summary>
    public Op Current => PimllmRepeat.Shift(_words[At], _shift);

    /// <summary>Past the current word: into a body's next iteration, out of finished bodies, into new ones.</summary>
    public void Next()
    {
        At++;
        Settle();
    }

    /// <summary>The iteration (0-based) whose first word runs next, when the cursor is at the start of an iteration
    /// of a body that is the only one open; else null. A sampled timing run skips iterations here.</summary>
    public long? IterationStart => _open.Count == 1 && At == _open.Peek().First
        ? _words[At - 1]["count"] - 1 - _open.Peek().Left
        : null;

    /// <summary>At an <see cref="IterationStart"/>: moves on by <paramref name="iterations"/> whole iterations without
    /// running them (their token indices shifted as if run), so the cursor stands at the start of a later one.</summary>
    public void SkipIterations(long iterations)
    {
        if (IterationStart is null || iterations < 0 || iterations > _open.Peek().Left)
            throw new InvalidOperationException($"cannot skip {iterations} iterations at word {At}");
        var (first, end, left, step) = _open.Pop();
        _open.Push((first, end, left - iterations, step));
        _shift += step * iterations;
    }

    // The end of the innermost open body (int.MaxValue: none), so that a word inside no body's last position costs
    // one comparison and one look at its row.
    private int _bodyEnd = int.MaxValue;

    private void Settle()
    {
        while (true)
        {
            if (At == _bodyEnd)
            {
                var (first, end, left, step) = _open.Pop();
                if (left > 0)
                {
                    _open.Push((first, end, left - 1, step));
                    _shift += step;
                    At = first;
                }
                else
                {
                    _shift -= step * (_words[first - 1]["count"] - 1);
                    _bodyEnd = _open.Count > 0 ? _open.Peek().End : int.MaxValue;
                }
                continue;
            }
            if (At < _end && _words[At].Spec.Pimllm.Action == PimllmAction.Repeat)
            {
                var rep = _words[At];
                _bodyEnd = At + 1 + (int)rep["body"];
                _open.Push((At + 1, _bodyEnd, rep["count"] - 1, rep["dtok"]));
                At++;
                continue;
            }
            return;
        }
    }
}
