using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Globalization;
using System.Runtime.CompilerServices;
using Pimcc.Isa.Encoding;
using Pimcc.Isa.Hbm;
using Pimcc.Targets.Hbm;

namespace Pimcc.Hpim.Sim.Timing;

/// <summary>What a channel-stream word does, beyond being a DRAM command.</summary>
internal enum WordKind : byte { Dram, DramAllBankResults, ResultClear, Repeat, Signal, Wait }

/// <summary>
/// One channel-stream word decoded for the hot loop: its engine command and the operand values the timing model
/// reads, with the positions of the fields <c>rep</c> strides advance (row, col, gcol, laddr).
/// </summary>
internal readonly record struct ChannelWord(WordKind Kind, HbmCommand Command, int Pc, int Bg, int Ba, long Row, long Col, long GCol,
    long Count, int Body, long DRow, long DCol, long DGCol, long DLAddr, bool RepEligible);

/// <summary>A channel stream decoded once per binary; <see cref="Words"/> is indexed by stream word.</summary>
internal sealed class ChannelProgram
{
    public ChannelProgram(IReadOnlyList<Op> ops)
    {
        Words = new ChannelWord[ops.Count];
        _repKeys = new string?[ops.Count];
        Decode(ops);
        // A rep body may be timed in closed form only when it cannot block: no wait and no sig inside.
        for (var i = 0; i < ops.Count; i++)
        {
            if (Words[i].Kind != WordKind.Repeat) continue;
            var end = Math.Min(ops.Count, i + 1 + Words[i].Body);
            var eligible = true;
            for (var k = i + 1; k < end; k++)
                if (Words[k].Kind is WordKind.Wait or WordKind.Signal) eligible = false;
            Words[i] = Words[i] with { RepEligible = eligible };
        }
    }

    // A channel stream has hundreds of thousands of words and this runs once per stream at start-up: compile it
    // optimized rather than run it in tier-0 code and tier up mid-loop.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Decode(IReadOnlyList<Op> ops)
    {
        // A stream uses a handful of specs: what their words are and where their fields sit is found once per spec,
        // not by name per word.
        var layouts = new Dictionary<OpSpec, SpecLayout>(ReferenceEqualityComparer.Instance);
        OpSpec? lastSpec = null;
        var s = default(SpecLayout);
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            if (!ReferenceEquals(op.Spec, lastSpec))
            {
                lastSpec = op.Spec;
                if (!layouts.TryGetValue(lastSpec, out s)) layouts[lastSpec] = s = SpecLayout.Of(lastSpec);
            }
            var o = op.Operands;
            Words[i] = new ChannelWord(s.Kind, s.Command, (int)Get(o, s.Pc), (int)Get(o, s.Bg), (int)Get(o, s.Ba), Get(o, s.Row),
                Get(o, s.Col), Get(o, s.GCol), Get(o, s.Count), (int)Get(o, s.Body), Get(o, s.DRow), Get(o, s.DCol), Get(o, s.DGCol),
                Get(o, s.DLAddr), false);
        }
    }

    private static long Get(Operands o, int slot) => slot < 0 ? 0 : o[slot];

    public ChannelWord[] Words { get; }

    /// <summary>
    /// Identity of a rep block's timing: its words with the row base cleared (cores and local addresses are not
    /// decoded, so they never differ). Equal keys on any channel, in any run, time the same from a precharged start.
    /// </summary>
    public string RepKey(int repPc) => _repKeys[repPc] ??= BuildRepKey(repPc);

    private string?[] _repKeys = [];

    private string BuildRepKey(int repPc)
    {
        var end = Math.Min(Words.Length, repPc + 1 + Words[repPc].Body);
        var sb = new System.Text.StringBuilder();
        foreach (var w in Words.AsSpan(repPc, end - repPc))
            sb.Append(CultureInfo.InvariantCulture,
                $"{(int)w.Kind},{(int)w.Command},{w.Pc},{w.Bg},{w.Ba},{w.Col},{w.GCol},{w.Count},{w.Body},{w.DRow},{w.DCol},{w.DGCol},{w.DLAddr};");
        return sb.ToString();
    }

    /// <summary>
    /// What the words of one spec decode to: their kind and engine command, and the operand positions of the fields
    /// <see cref="ChannelWord"/> takes from them (-1: none, read as 0).
    /// </summary>
    private readonly record struct SpecLayout(WordKind Kind, HbmCommand Command, int Pc, int Bg, int Ba, int Row, int Col,
        int GCol, int Count, int Body, int DRow, int DCol, int DGCol, int DLAddr)
    {
        public static SpecLayout Of(OpSpec spec)
        {
            var w = new SpecLayout(WordKind.Dram, HbmCommand.Act, Slot(spec, "pc"), Slot(spec, "bg"), Slot(spec, "ba"),
                Slot(spec, "row"), Slot(spec, "col"), Slot(spec, "gcol"), -1, -1, -1, -1, -1, -1);
            // The action column says what the word is; a DRAM word's engine command is the spec's DramCommand column.
            return spec.Action switch
            {
                OpAction.GlobalBufferWrite => w with { Command = Dram(spec), Col = w.GCol },
                OpAction.ResultClear => w with { Kind = WordKind.ResultClear },
                OpAction.ResultReadAll => w with { Kind = WordKind.DramAllBankResults, Command = Dram(spec) },
                OpAction.Repeat => w with
                {
                    Kind = WordKind.Repeat, Count = spec.IndexOf("count"), Body = spec.IndexOf("body"),
                    DRow = spec.IndexOf("drow"), DCol = spec.IndexOf("dcol"), DGCol = spec.IndexOf("dgcol"), DLAddr = spec.IndexOf("dladdr"),
                },
                OpAction.EventSignal => w with { Kind = WordKind.Signal, Count = spec.IndexOf("count"), Row = spec.IndexOf("event") },
                OpAction.EventWait => w with { Kind = WordKind.Wait, Count = spec.IndexOf("count"), Row = spec.IndexOf("event") },
                _ => w with { Command = Dram(spec) },
            };
        }

        private static int Slot(OpSpec spec, string name)
        {
            for (var i = 0; i < spec.Operands.Count; i++)
                if (spec.Operands[i].Name == name) return i;
            return -1;
        }
    }

    private static HbmCommand Dram(OpSpec spec) =>
        spec.DramCommand ?? throw new InvalidOperationException($"HBM command '{spec.Mnemonic}' has no timing model");

    /// <summary>Stride field names, to keep this decoder in step with the ISA's rep definition.</summary>
    public static IReadOnlyList<(string Stride, string Field)> Strides => HbmFormats.RepeatStrides;
}
