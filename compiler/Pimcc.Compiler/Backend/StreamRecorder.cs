using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;

namespace Pimcc.Compiler.Backend;

/// <summary>
/// What a core or channel stream builder records besides its words: named entry points, their layer declarations,
/// and the debug ranges that attribute words to IR ops. Shared by the targets' stream builders (hpim's core and channel code, pimllm's streams).
/// </summary>
public sealed class StreamRecorder(StreamKind kind, int index, List<Op> ops)
{
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
        _entries.Add(new StreamEntry(name, ops.Count));
    }

    /// <summary>Attributes the following words to an IR op (until the next call or <see cref="EndOp"/>).</summary>
    public void BeginOp(long id, string name)
    {
        CloseRange();
        _open = (ops.Count, id, name);
    }

    public void EndOp() => CloseRange();

    /// <summary>Closes the open range and hands every debug range to <paramref name="debugSink"/>.</summary>
    public void Flush(List<DebugRange> debugSink)
    {
        CloseRange();
        debugSink.AddRange(_debug);
    }

    private void CloseRange()
    {
        if (_open is { } o && ops.Count > o.First)
            _debug.Add(new DebugRange(kind, index, o.First, ops.Count - o.First, o.Id, o.Name));
        _open = null;
    }
}
