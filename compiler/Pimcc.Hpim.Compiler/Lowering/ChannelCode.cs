using Pimcc.Compiler.Backend;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;

namespace Pimcc.Hpim.Compiler.Lowering;

/// <summary>Builds one HBM channel's command stream: commands, <c>rep</c> blocks, entry points, debug ranges.</summary>
internal sealed class ChannelCode
{
    private readonly List<Op> _ops = [];
    private readonly StreamRecorder _rec;

    public ChannelCode(int channel)
    {
        Channel = channel;
        _rec = new StreamRecorder(HpimStreams.Channel, channel, _ops);
    }

    public int Channel { get; }
    public int Count => _ops.Count;

    public void Entry(string name) => _rec.Entry(name);

    /// <summary>Attributes the following words to an IR op (until the next call or <see cref="EndOp"/>).</summary>
    public void BeginOp(long id, string name) => _rec.BeginOp(id, name);

    public void EndOp() => _rec.EndOp();

    public void C(string mnemonic, params ReadOnlySpan<long> operands) => _ops.Add(HbmCommandSet.Table.Make(mnemonic, operands));

    /// <summary>
    /// Runs <paramref name="body"/> <paramref name="count"/> times with row/col/gcol strides and one local-memory
    /// stride applied to both the destinations (<c>laddr</c> of result reads) and the sources (<c>saddr</c> of
    /// global-buffer writes): a <c>rep</c> when count &gt; 1, the body alone when count is 1.
    /// </summary>
    public void Rep(long count, int drow, int dcol, int dgcol, int dladdr, Action body)
    {
        if (count <= 0) return;
        if (count == 1) { body(); return; }
        var maxCount = HbmCommandSet.Table.Get("rep").Operands[0].Max;
        if (count > maxCount) throw new InvalidOperationException($"rep count {count} exceeds {maxCount}");
        var at = _ops.Count;
        _ops.Add(default);
        body();
        var n = _ops.Count - at - 1;
        if (n is < 1 or > 255) throw new InvalidOperationException($"rep body of {n} commands is outside 1..255");
        _ops[at] = HbmCommandSet.Table.Make("rep", count, n, drow, dcol, dgcol, dladdr, dladdr);
    }

    /// <summary>
    /// Declares the current program's layers as unrolled blocks starting at the given words (one per layer, then the
    /// end of the last); nothing is declared when the blocks differ in length (a simulator then runs every layer).
    /// </summary>
    public void DeclareLayerBlocks(IReadOnlyList<int> starts)
    {
        var stride = starts[1] - starts[0];
        for (var l = 1; l < starts.Count; l++)
            if (starts[l] - starts[l - 1] != stride) return;
        _rec.DeclareLayers(starts.Count - 1, LayerForm.Blocks, starts[0], stride);
    }

    /// <summary>Appends the program <paramref name="next"/> (a builder of the same channel) holds after this builder's words.</summary>
    public void Append(ChannelCode next)
        => _rec.Append(next._rec);

    /// <summary>The stream, holding this builder's word list itself (millions of words are not copied): nothing is emitted after it.</summary>
    public ChannelStream Build(List<DebugRange> debugSink)
    {
        _rec.Flush(debugSink);
        return new ChannelStream(Channel, _ops) { Entries = [.. _rec.Entries], Layers = [.. _rec.Layers] };
    }
}
