using Pimcc.Compiler.Backend;
using Pimcc.Isa.Container;
using Pimcc.Isa.Encoding;
using Pimcc.Pimllm.Isa;

namespace Pimcc.Pimllm.Compiler.Lowering;

/// <summary>
/// The streams one pimllm binary is built in: the crossbar controller's (also tpu-llm's, for its post-processing
/// lanes), the systolic array's and one DMA stream per LPDDR channel, with their entries and debug ranges, and the
/// configuration each stream last set within the current program (so a repeated <c>pp.len</c>, <c>pp.tok</c>,
/// <c>dma.tok</c> or <c>sa.stride</c> is not emitted twice).
/// </summary>
internal sealed class PimllmStreamSet
{
    /// <summary>The event counters: one producer stream and one consumer stream each, so signals and waits pair in order.</summary>
    public static class Events
    {
        /// <summary>Crossbar controller -> systolic array: its operands are in SRAM.</summary>
        public const int XbarToSa = 1;
        /// <summary>Systolic array -> crossbar controller: its results are in SRAM.</summary>
        public const int SaToXbar = 2;
        /// <summary>Systolic array -> DMA 0: an output chunk of a streamed LM head is ready to store.</summary>
        public const int SaToOut = 3;
        /// <summary>DMA 0 -> systolic array: an output chunk buffer is free again.</summary>
        public const int OutToSa = 4;
        /// <summary>Per channel: DMA c -> crossbar controller (rows gathered, cache staged).</summary>
        public static int DmaToXbar(int c) => 16 + c;
        /// <summary>Per channel: crossbar controller -> DMA c (new cache rows staged).</summary>
        public static int XbarToDma(int c) => 16 + MaxChannels + c;
        /// <summary>Per channel: DMA c -> systolic array (a weight part loaded).</summary>
        public static int DmaToSa(int c) => 16 + 2 * MaxChannels + c;
        /// <summary>Per channel: systolic array -> DMA c (a weight buffer or the staging tables free again).</summary>
        public static int SaToDma(int c) => 16 + 3 * MaxChannels + c;

        public const int MaxChannels = 64;
    }

    private readonly List<Op> _xbar = [], _sa = [];
    private readonly List<Op>[] _dma;
    private readonly StreamRecorder _xbarRec, _saRec;
    private readonly StreamRecorder[] _dmaRec;
    private (long Len, long Group, long Stride)? _ppLen;
    private (long First, long Count) _ppTok;
    private readonly (long First, long Count)[] _dmaTok;
    private (long C, long A, long B) _saStride;
    // The open repeat: each stream's rep word index, and which token ranges the body set (shifted after the loop).
    private int[]? _repeat;
    private bool _ppTokInBody;
    private readonly bool[] _dmaTokInBody;

    public PimllmStreamSet(int channels)
    {
        _dma = [.. Enumerable.Range(0, channels).Select(_ => new List<Op>())];
        _xbarRec = new StreamRecorder(PimllmStreams.Crossbar, 0, _xbar);
        _saRec = new StreamRecorder(PimllmStreams.Systolic, 0, _sa);
        _dmaRec = [.. Enumerable.Range(0, channels).Select(c => new StreamRecorder(PimllmStreams.Dma, c, _dma[c]))];
        _dmaTok = new (long, long)[channels];
        _dmaTokInBody = new bool[channels];
    }

    public int Channels => _dma.Length;

    private IEnumerable<StreamRecorder> Recorders => [_xbarRec, _saRec, .. _dmaRec];

    /// <summary>Starts a program in every stream; configuration is back at its reset values (tokens 0, 1; packed strides).</summary>
    public void Entry(string name)
    {
        foreach (var r in Recorders) r.Entry(name);
        _ppLen = null;
        _ppTok = (0, 1);
        Array.Fill(_dmaTok, (0L, 1L));
        _saStride = (0, 0, 0);
    }

    public void BeginOp(long id, string name)
    {
        foreach (var r in Recorders) r.BeginOp(id, name);
    }

    public void EndOp()
    {
        foreach (var r in Recorders) r.EndOp();
    }

    public void X(string mnemonic, params ReadOnlySpan<long> operands) => _xbar.Add(PimllmIsa.Crossbar.Make(mnemonic, operands));

    public void S(string mnemonic, params ReadOnlySpan<long> operands) => _sa.Add(PimllmIsa.Systolic.Make(mnemonic, operands));

    public void D(int channel, string mnemonic, params ReadOnlySpan<long> operands) => _dma[channel].Add(PimllmIsa.Dma.Make(mnemonic, operands));

    public void PpLen(long len, long group = 1, long stride = 0)
    {
        if (_ppLen == (len, group, stride)) return;
        _ppLen = (len, group, stride);
        X("pp.len", len, group, stride);
    }

    public void PpTok(long first, long count)
    {
        if (_ppTok == (first, count)) return;
        _ppTok = (first, count);
        _ppTokInBody = true;
        X("pp.tok", first, count);
    }

    public void DmaTok(int channel, long first, long count)
    {
        if (_dmaTok[channel] == (first, count)) return;
        _dmaTok[channel] = (first, count);
        _dmaTokInBody[channel] = true;
        D(channel, "dma.tok", first, count);
    }

    public void SaStride(long c, long a, long b)
    {
        if (_saStride == (c, a, b)) return;
        _saStride = (c, a, b);
        S("sa.stride", c, a, b);
    }

    // In stream-kind order (PimllmIsa.Tables): the controller's, the array's, then each channel's.
    private List<Op>[] Lists => [_xbar, _sa, .. _dma];

    /// <summary>Starts a repeated body in every stream (a <c>rep</c> word, written by <see cref="EndRepeat"/>).</summary>
    public void BeginRepeat()
    {
        var lists = Lists;
        _repeat = new int[lists.Length];
        for (var k = 0; k < lists.Length; k++)
        {
            _repeat[k] = lists[k].Count;
            lists[k].Add(default);
        }
        _ppTokInBody = false;
        Array.Clear(_dmaTokInBody);
    }

    /// <summary>
    /// Ends the body: each stream's <c>rep</c> runs it <paramref name="count"/> times, its token indices
    /// <paramref name="dtok"/> further each time (a stream with no words in the body has no <c>rep</c>). The
    /// configuration left is the last iteration's: the token ranges the body set, shifted.
    /// </summary>
    public void EndRepeat(long count, long dtok)
    {
        var lists = Lists;
        for (var k = 0; k < lists.Length; k++)
        {
            var at = _repeat![k];
            var body = lists[k].Count - at - 1;
            if (body > 0) lists[k][at] = PimllmIsa.Tables[Math.Min(k, 2)].Make("rep", count, body, dtok);
            else lists[k].RemoveAt(at);
        }
        var shift = (count - 1) * dtok;
        if (_ppTokInBody) _ppTok.First += shift;
        for (var c = 0; c < _dmaTok.Length; c++)
            if (_dmaTokInBody[c]) _dmaTok[c].First += shift;
        _repeat = null;
    }

    public void XSig(int ev, long count = 1) => X("ev.sig", ev, count);
    public void XWait(int ev, long count = 1) => X("ev.wait", ev, count);
    public void SSig(int ev, long count = 1) => S("ev.sig", ev, count);
    public void SWait(int ev, long count = 1) => S("ev.wait", ev, count);
    public void DSig(int c, int ev, long count = 1) => D(c, "ev.sig", ev, count);
    public void DWait(int c, int ev, long count = 1) => D(c, "ev.wait", ev, count);

    /// <summary>The streams (the crossbar controller's, the array's, then each channel's that has words), and their debug ranges.</summary>
    public (List<InstructionStream> Streams, List<DebugRange> Debug) Build()
    {
        var debug = new List<DebugRange>();
        var streams = new List<InstructionStream>
        {
            new CrossbarStream(0, _xbar) { Entries = Flush(_xbarRec, debug) },
            new SystolicStream(0, _sa) { Entries = Flush(_saRec, debug) },
        };
        for (var c = 0; c < _dma.Length; c++)
            streams.Add(new DmaStream(c, _dma[c]) { Entries = Flush(_dmaRec[c], debug) });
        return (streams, debug);
    }

    private static IReadOnlyList<StreamEntry> Flush(StreamRecorder r, List<DebugRange> debug)
    {
        r.Flush(debug);
        return r.Entries;
    }
}
