using Pimcc.Sim.Units;
using Pimcc.Sim.Functional;
using Pimcc.Sim;
using System.Globalization;
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
        // A stream uses a handful of specs: where their fields sit is looked up once per spec, not by name per word.
        var slots = new Dictionary<OpSpec, FieldSlots>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < ops.Count; i++)
        {
            var spec = ops[i].Spec;
            if (!slots.TryGetValue(spec, out var s)) slots[spec] = s = FieldSlots.Of(spec);
            Words[i] = Decode(ops[i], s);
        }
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

    /// <summary>Operand positions of the fields the decoder reads in one spec (-1: the spec has no such field).</summary>
    private readonly record struct FieldSlots(int Pc, int Bg, int Ba, int Row, int Col, int GCol)
    {
        public static FieldSlots Of(OpSpec spec) =>
            new(Slot(spec, "pc"), Slot(spec, "bg"), Slot(spec, "ba"), Slot(spec, "row"), Slot(spec, "col"), Slot(spec, "gcol"));

        private static int Slot(OpSpec spec, string name)
        {
            for (var i = 0; i < spec.Operands.Count; i++)
                if (spec.Operands[i].Name == name) return i;
            return -1;
        }
    }

    private static ChannelWord Decode(Op op, FieldSlots s)
    {
        var operands = op.Operands;
        long Get(int slot) => slot < 0 ? 0 : operands[slot];
        var w = new ChannelWord(WordKind.Dram, HbmCommand.Act, (int)Get(s.Pc), (int)Get(s.Bg), (int)Get(s.Ba), Get(s.Row), Get(s.Col), Get(s.GCol), 0, 0, 0, 0, 0, 0, false);
        // The action column says what the word is; a DRAM word's engine command is the spec's DramCommand column.
        return op.Spec.Action switch
        {
            OpAction.GlobalBufferWrite => w with { Command = Dram(op), Col = Get(s.GCol) },
            OpAction.ResultClear => w with { Kind = WordKind.ResultClear },
            OpAction.ResultReadAll => w with { Kind = WordKind.DramAllBankResults, Command = Dram(op) },
            OpAction.Repeat => w with
            {
                Kind = WordKind.Repeat, Count = op["count"], Body = (int)op["body"],
                DRow = op["drow"], DCol = op["dcol"], DGCol = op["dgcol"], DLAddr = op["dladdr"],
            },
            OpAction.EventSignal => w with { Kind = WordKind.Signal, Count = op["count"], Row = op["event"] },
            OpAction.EventWait => w with { Kind = WordKind.Wait, Count = op["count"], Row = op["event"] },
            _ => w with { Command = Dram(op) },
        };
    }

    private static HbmCommand Dram(Op op) =>
        op.Spec.DramCommand ?? throw new InvalidOperationException($"HBM command '{op.Spec.Mnemonic}' has no timing model");

    /// <summary>Stride field names, to keep this decoder in step with the ISA's rep definition.</summary>
    public static IReadOnlyList<(string Stride, string Field)> Strides => HbmFormats.RepeatStrides;
}
