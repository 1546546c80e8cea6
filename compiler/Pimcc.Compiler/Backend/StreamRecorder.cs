using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Compiler.Backend;

/// <summary>
/// What a core or channel stream builder records besides its words: named entry points, their layer declarations,
/// and the debug ranges that attribute words to IR ops. Shared by the targets' stream builders (hpim's core and channel code, pimllm's streams).
/// </summary>
public sealed class StreamRecorder(StreamKind kind, int index, List<Op> ops)
{
    private readonly List<Op> _ops = ops;
    private readonly List<DebugRange> _debug = [];
    private readonly List<StreamEntry> _entries = [];
    private readonly List<LayerRepeat> _layers = [];
    private (int First, long Id, string Name)? _open;

    public IReadOnlyList<StreamEntry> Entries => _entries;

    public IReadOnlyList<LayerRepeat> Layers => _layers;

    /// <summary>Declares how the program of the last <see cref="Entry"/> repeats per layer (docs/binary-format.md, "Layer table").</summary>
    public void DeclareLayers(int layers, LayerForm form, int word, int stride) =>
        _layers.Add(new LayerRepeat(_entries[^1].Name, layers, form, word, stride));

    public void Entry(string name)
    {
        CloseRange();
        _entries.Add(new StreamEntry(name, _ops.Count));
    }

    /// <summary>Attributes the following words to an IR op (until the next call or <see cref="EndOp"/>).</summary>
    public void BeginOp(long id, string name)
    {
        CloseRange();
        _open = (_ops.Count, id, name);
    }

    public void EndOp() => CloseRange();

    /// <summary>Closes the open range and hands every debug range to <paramref name="debugSink"/>.</summary>
    public void Flush(List<DebugRange> debugSink)
    {
        CloseRange();
        debugSink.AddRange(_debug);
    }

    /// <summary>
    /// Takes the entries, layer words and debug ranges of this recorder's words after a rewrite in place (a clean-up
    /// that deleted or inserted words and moved everything recorded along).
    /// </summary>
    public void Rewritten(IEnumerable<StreamEntry> entries, IEnumerable<LayerRepeat> layers, IEnumerable<DebugRange> debug)
    {
        CloseRange();
        _entries.Clear();
        _entries.AddRange(entries);
        _layers.Clear();
        _layers.AddRange(layers);
        _debug.Clear();
        _debug.AddRange(debug);
    }

    /// <summary>
    /// Takes over what <paramref name="next"/> recorded (programs lowered into builders of their own): its words move
    /// to the end of this recorder's list (<paramref name="next"/>'s list is left empty), and its entries, layer words
    /// and debug ranges move past this recorder's words.
    /// </summary>
    public void Append(StreamRecorder next)
    {
        CloseRange();
        next.CloseRange();
        var shift = _ops.Count;
        _entries.AddRange(next._entries.Select(e => e with { Word = e.Word + shift }));
        _layers.AddRange(next._layers.Select(l => l with { Word = l.Word + shift }));
        _debug.AddRange(next._debug.Select(d => d with { First = d.First + shift }));
        _ops.Capacity = _ops.Count + next._ops.Count;                     // exactly: a doubled list of millions of words is memory the peak shows
        _ops.AddRange(next._ops);
        next._ops.Clear();
        next._ops.TrimExcess();
    }

    private void CloseRange()
    {
        if (_open is { } o && _ops.Count > o.First)
            _debug.Add(new DebugRange(kind, index, o.First, _ops.Count - o.First, o.Id, o.Name));
        _open = null;
    }
}
